package io.lockbench.stress.checker.elle;

import static io.lockbench.stress.checker.elle.DependencyGraph.PROCESS;
import static io.lockbench.stress.checker.elle.DependencyGraph.RT;
import static io.lockbench.stress.checker.elle.DependencyGraph.RW;
import static io.lockbench.stress.checker.elle.DependencyGraph.WR;

import io.lockbench.stress.checker.Anomaly;
import io.lockbench.stress.history.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * Names a cycle by the relations around it and explains each step, as Elle does. Each step is
 * read as the strongest-evidence relation it carries (ww, then wr, then rw, then realtime or
 * process); then a cycle with one rw is G-single-item, with more G2-item if two rw steps are
 * adjacent, else G-nonadjacent-item; without rw, with a wr G1c, else G0; and "-realtime" is
 * appended when a step is only real-time order, else "-process" when one is only process order
 * (Elle's order of preference; a graph holds one of the two at most, {@link TxnOrder}). ("-item":
 * the rw edges are between single keys, never predicates.)
 */
final class CycleReport {

    /** Steps spelled out in a description; a longer cycle is summarised (its ops list it all). */
    static final int STEPS_DESCRIBED = 20;

    private final DependencyGraph graph;
    private final List<Txn> txns;
    private final StepExplainer explainer;
    private final int relations;

    CycleReport(DependencyGraph graph, List<Txn> txns, StepExplainer explainer, int relations) {
        this.graph = graph;
        this.txns = txns;
        this.explainer = explainer;
        this.relations = relations;
    }

    /** The relation each step of the cycle is read as. */
    int[] steps(int[] cycle) {
        int[] steps = new int[cycle.length];
        for (int i = 0; i < cycle.length; i++) {
            int rel = graph.relations(cycle[i], cycle[(i + 1) % cycle.length]) & relations;
            steps[i] = Integer.lowestOneBit(rel);
        }
        return steps;
    }

    String type(int[] cycle) {
        int rw = 0;
        int wr = 0;
        boolean realtime = false;
        boolean process = false;
        boolean adjacentRw = false;
        int[] steps = steps(cycle);
        for (int i = 0; i < steps.length; i++) {
            int s = steps[i];
            rw += s == RW ? 1 : 0;
            wr += s == WR ? 1 : 0;
            realtime |= s == RT;
            process |= s == PROCESS;
            adjacentRw |= s == RW && steps[(i + 1) % steps.length] == RW;
        }
        String data = rw == 1 ? "G-single-item" : rw > 1 ? (adjacentRw ? "G2-item" : "G-nonadjacent-item")
                : wr > 0 ? "G1c" : "G0";
        return realtime ? data + TxnOrder.REALTIME.suffix() : process ? data + TxnOrder.PROCESS.suffix() : data;
    }

    Anomaly anomaly(int[] cycle) {
        int[] steps = steps(cycle);
        StringBuilder names = new StringBuilder();
        StringBuilder why = new StringBuilder();
        List<Op> ops = new ArrayList<>();
        int described = Math.min(cycle.length, STEPS_DESCRIBED);
        for (int i = 0; i < cycle.length; i++) {
            Txn from = txns.get(cycle[i]);
            ops.add(from.evidence());
            if (i < described) {
                Txn to = txns.get(cycle[(i + 1) % cycle.length]);
                names.append(from.name()).append(" -").append(DependencyGraph.relationName(steps[i])).append("-> ");
                why.append(i == 0 ? "" : "; ").append(explainer.explain(from, to, steps[i]));
            }
        }
        if (described < cycle.length) {
            names.append("… (").append(cycle.length - described).append(" more steps) -> ");
            why.append("; …");
        }
        names.append(txns.get(cycle[0]).name());
        return new Anomaly(type(cycle), "a cycle of " + cycle.length + " transactions: " + names + ". " + why,
                ops);
    }
}
