package io.lockbench.stress.checker.elle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Process order, as Elle's {@code process-graph} draws it: each process's {@code ok}
 * transactions, in history order, each linked to the next. Only {@code ok} ones take part, as in
 * Elle: a failed transaction had no effect to order, and one of unknown outcome ({@code info})
 * retires its process, which runs nothing after it.
 */
final class ProcessEdges {

    private ProcessEdges() {
    }

    /** One edge from each ok transaction to its process's next one; {@code txns} are in invocation order. */
    static void add(DependencyGraph.Builder g, List<Txn> txns) {
        Map<Long, Txn> previous = new HashMap<>();
        for (Txn t : txns) {
            if (!t.ok()) {
                continue;
            }
            Txn before = previous.put(t.process(), t);
            if (before != null) {
                g.add(before.id(), t.id(), DependencyGraph.PROCESS);
            }
        }
    }
}
