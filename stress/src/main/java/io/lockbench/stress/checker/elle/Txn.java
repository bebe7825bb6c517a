package io.lockbench.stress.checker.elle;

import io.lockbench.stress.history.History.Operation;
import io.lockbench.stress.history.Op;
import java.util.List;

/**
 * A list-append transaction and its outcome.
 *
 * @param id        its node number in the dependency graph (its position among transactions)
 * @param operation the invocation and completion
 * @param mops      its micro-ops; reads are filled in only when it completed {@code ok}
 */
record Txn(int id, Operation operation, List<MicroOp> mops) {

    boolean ok() {
        return operation.ok();
    }

    boolean failed() {
        return operation.failed();
    }

    /** The process (client) that ran it. */
    long process() {
        return operation.invoke().process();
    }

    /** The record that shows the transaction: its completion, or its invocation if it never completed. */
    Op evidence() {
        return operation.completePosition() == Integer.MAX_VALUE ? operation.invoke() : operation.completion();
    }

    /** How a description names it. */
    String name() {
        return "op " + evidence().index();
    }

    /** The last value this transaction appended to {@code key}, or {@code null}. */
    Object finalAppend(Object key) {
        Object last = null;
        for (MicroOp m : mops) {
            if (m.append() && java.util.Objects.equals(m.key(), key)) {
                last = m.value();
            }
        }
        return last;
    }
}
