package io.lockbench.stress.checker.elle;

import io.lockbench.stress.history.History;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dependency graph of an rw-register history, from the known part of each key's version
 * order ({@link RegisterVersions}): ww from the writer of a value to the writer of one known to
 * come next; wr from the writer of a value to each transaction that read it; rw from each reader
 * of a value (or of the initial state) to the writers of the values known to come next. Edges
 * involve only transactions that did not fail; real-time or process edges are added for the models
 * that need them ({@link TxnOrder}).
 * Each edge keeps the first reason found for it, to explain a cycle.
 */
final class RegisterDependencies implements StepExplainer {

    private final Map<Long, String> reasons = new HashMap<>();
    private DependencyGraph graph;

    DependencyGraph graph() {
        return graph;
    }

    static RegisterDependencies build(List<Txn> txns, List<RegisterTxnView> views, RegisterVersions versions,
                                      TxnOrder order, History history) {
        RegisterDependencies d = new RegisterDependencies();
        DependencyGraph.Builder g = new DependencyGraph.Builder(txns.size());
        versions.order().forEach((key, next) -> next.forEach((before, afters) -> {
            Txn from = before == RegisterTxnView.INITIAL ? null : versions.finalWriter(key, before);
            for (Object after : afters) {
                d.link(g, from, versions.finalWriter(key, after), DependencyGraph.WW,
                        "{to} wrote key " + key + " = " + after + " after {from}'s " + before);
            }
        }));
        for (RegisterTxnView v : views) {
            if (!v.txn.ok()) {
                continue;
            }
            v.externalReads.forEach((key, value) -> {
                if (value != RegisterTxnView.INITIAL) {
                    d.link(g, versions.finalWriter(key, value), v.txn, DependencyGraph.WR,
                            "{to} read key " + key + " = " + value + ", written by {from}");
                }
                for (Object after : versions.next(key, value)) {
                    d.link(g, v.txn, versions.finalWriter(key, after), DependencyGraph.RW,
                            "{from} read key " + key + " = " + value + ", before {to} wrote " + after + " there");
                }
            });
        }
        order.addEdges(g, txns, history);
        d.graph = g.build();
        return d;
    }

    private void link(DependencyGraph.Builder g, Txn from, Txn to, int relation, String why) {
        if (from == null || to == null || from == to || from.failed() || to.failed()) {
            return;
        }
        g.add(from.id(), to.id(), relation);
        reasons.computeIfAbsent(edge(from, to, relation),
                e -> why.replace("{from}", from.name()).replace("{to}", to.name()));
    }

    private static long edge(Txn from, Txn to, int relation) {
        return ((long) from.id() << 32) | ((long) to.id() << 5) | relation;
    }

    @Override
    public String explain(Txn from, Txn to, int relation) {
        String order = StepExplainer.orderStep(from, to, relation);
        if (order != null) {
            return order;
        }
        String why = reasons.get(edge(from, to, relation));
        return why == null ? from.name() + " " + DependencyGraph.relationName(relation) + " " + to.name() : why;
    }
}
