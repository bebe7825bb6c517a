package io.lockbench.stress.checker.elle;

import io.lockbench.stress.history.History;
import io.lockbench.stress.history.History.Operation;
import io.lockbench.stress.history.Op;
import java.util.List;

/**
 * Reads the {@code txn} operations of an rw-register history (Elle's format) into {@link Txn}s:
 * micro-ops {@code [:w k v]} and {@code [:r k v]} ({@code "w"}, {@code "write"}, {@code "r"},
 * {@code "read"} also accepted; an op without {@code :f} is a {@code txn}, as Elle reads it).
 * Writes come from the invocation (a transaction that did not complete ok still tried them),
 * reads from an {@code ok} completion, where {@code nil} is the initial state.
 */
final class RegisterTxnParser {

    private RegisterTxnParser() {
    }

    /** @throws IllegalArgumentException naming the op whose value is not a list of micro-ops */
    static List<Txn> parse(History history) {
        return TxnParser.parse(history, RegisterTxnParser::registerMop);
    }

    private static MicroOp registerMop(Operation op, Op source, List<?> step, String f, Object key, Object written) {
        Object value = TxnParser.normalize(written);
        switch (f) {
            case "w", "write" -> {
                if (value == null) {
                    throw TxnParser.malformed(source, "a write must have a value (nil is the initial state), got " + step);
                }
                return MicroOp.append(key, value);
            }
            case "r", "read" -> {
                return op.ok() ? MicroOp.registerRead(key, value) : MicroOp.read(key, null);
            }
            default -> throw TxnParser.malformed(source, "a micro-op's f must be w or r, got " + step.get(0));
        }
    }
}
