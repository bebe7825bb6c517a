package io.lockbench.stress.checker.elle;

import io.lockbench.stress.checker.RealTimeOrder;
import io.lockbench.stress.history.History;
import java.util.List;
import java.util.Set;

/**
 * The order between transactions, beyond their data dependencies, that the models checked need,
 * as Elle's {@code additional-graphs} picks it: real-time edges if a model forbids a
 * {@code -realtime} cycle, else process edges if one forbids a {@code -process} cycle, else none.
 * Never both: each process runs one transaction at a time, so its order is part of real-time
 * order, and the real-time edges already close every cycle the process edges would.
 */
enum TxnOrder {

    // Declared weakest first: each order's edges close every cycle the one before would.
    NONE(0, ""),
    PROCESS(DependencyGraph.PROCESS, "-process"),
    REALTIME(DependencyGraph.RT, "-realtime");

    private final int relation;
    private final String suffix;

    TxnOrder(int relation, String suffix) {
        this.relation = relation;
        this.suffix = suffix;
    }

    /** The strongest order one of {@code models} needs. */
    static TxnOrder neededBy(Set<ConsistencyModel> models) {
        TxnOrder needed = NONE;
        for (ConsistencyModel m : models) {
            if (m.order().compareTo(needed) > 0) {
                needed = m.order();
            }
        }
        return needed;
    }

    /** Its relation bit in the {@link DependencyGraph}, 0 for none. */
    int relation() {
        return relation;
    }

    /** The data relations and this one: what the cycle search may walk. */
    int relations() {
        return DependencyGraph.DATA | relation;
    }

    /** What Elle appends to the name of a cycle that needs a step of this order. */
    String suffix() {
        return suffix;
    }

    /** Adds this order's edges between {@code txns} of {@code history}. */
    void addEdges(DependencyGraph.Builder g, List<Txn> txns, History history) {
        switch (this) {
            case NONE -> { }
            case PROCESS -> ProcessEdges.add(g, txns);
            case REALTIME -> Dependencies.realTimeEdges(g, txns, RealTimeOrder.of(history));
        }
    }
}
