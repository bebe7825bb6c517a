package io.lockbench.stress.checker.sequence;

import io.lockbench.stress.history.History.Operation;
import io.lockbench.stress.history.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * The appends and reads of one file, as the sequence checker sees them.
 *
 * @param file    the file id (the ops' key)
 * @param appends every append, whatever its outcome, in invocation order
 * @param reads   the {@code ok} reads, in completion order (the last one is the final read)
 */
record FileOps(Object file, List<Append> appends, List<Read> reads) {

    /**
     * One append.
     *
     * @param payload the unique payload it appended (the invocation's value)
     * @param version the version number the database said it assigned (ok only), or {@code null}
     */
    record Append(Operation operation, Object payload, Long version) {
        /** The invocation and, if there is one, the completion: what the client asked and heard. */
        List<Op> evidence() {
            List<Op> ops = new ArrayList<>(List.of(operation.invoke()));
            if (operation.completePosition() != Integer.MAX_VALUE) {
                ops.add(operation.completion());
            }
            return ops;
        }
    }

    /** One {@code [version payload]} entry of a read. */
    record Entry(long version, Object payload) {
    }

    /** An {@code ok} read of the file's versions. */
    record Read(Operation operation, List<Entry> entries) {
        Op evidence() {
            return operation.completion();
        }
    }

    /** The last {@code ok} read of the file, or {@code null} if it was never read. */
    Read finalRead() {
        return reads.isEmpty() ? null : reads.get(reads.size() - 1);
    }
}
