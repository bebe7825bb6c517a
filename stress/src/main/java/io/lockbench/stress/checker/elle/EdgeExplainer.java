package io.lockbench.stress.checker.elle;

import java.util.List;

/** Says, in a sentence, why one list-append transaction depends on another: which key, which elements. */
final class EdgeExplainer implements StepExplainer {

    private final KeyOrders orders;
    private final Appends appends;

    EdgeExplainer(KeyOrders orders, Appends appends) {
        this.orders = orders;
        this.appends = appends;
    }

    @Override
    public String explain(Txn from, Txn to, int relation) {
        String orderStep = StepExplainer.orderStep(from, to, relation);
        if (orderStep != null) {
            return orderStep;
        }
        String f = from.name();
        String t = to.name();
        switch (relation) {
            case DependencyGraph.WW -> {
                for (MicroOp m : to.mops()) {
                    int p = m.append() ? orders.position(m.key(), m.value()) : -1;
                    if (p > 0) {
                        Object previous = orders.order(m.key()).get(p - 1);
                        if (appends.writer(m.key(), previous) == from) {
                            return t + " appended " + m.value() + " to key " + m.key() + " right after " + f
                                    + "'s " + previous;
                        }
                    }
                    List<Object> order = m.append() && p < 0 ? orders.observedOrder(m.key()) : null;
                    if (order != null && !order.isEmpty()
                            && appends.writer(m.key(), order.get(order.size() - 1)) == from) {
                        return t + " appended " + m.value() + " to key " + m.key() + ", which no read shows, so after "
                                + f + "'s " + order.get(order.size() - 1) + ", the last element reads show";
                    }
                }
            }
            case DependencyGraph.WR -> {
                for (MicroOp m : to.mops()) {
                    if (!m.append() && m.read() != null && !m.read().isEmpty()) {
                        Object last = m.read().get(m.read().size() - 1);
                        if (appends.writer(m.key(), last) == from) {
                            return t + " read key " + m.key() + " as " + m.read() + ", ending in " + f + "'s " + last;
                        }
                    }
                }
            }
            case DependencyGraph.RW -> {
                for (MicroOp m : from.mops()) {
                    List<Object> whole = m.append() || m.read() == null ? null : orders.observedOrder(m.key());
                    if (whole != null && m.read().size() == whole.size()) {
                        for (MicroOp w : to.mops()) {
                            if (w.append() && w.key().equals(m.key()) && orders.position(w.key(), w.value()) < 0) {
                                return f + " read key " + m.key() + " as " + m.read() + ", without " + t + "'s "
                                        + w.value() + " (which no read shows, so it came after all of them)";
                            }
                        }
                    }
                    List<Object> order = m.append() || m.read() == null ? null : orders.order(m.key());
                    if (order != null && m.read().size() < order.size()) {
                        Object next = order.get(m.read().size());
                        if (appends.writer(m.key(), next) == to) {
                            return f + " read key " + m.key() + " as " + m.read() + ", without " + t + "'s " + next
                                    + " that came next";
                        }
                    }
                }
            }
            default -> throw new IllegalArgumentException("not a single relation: " + relation);
        }
        return f + " " + DependencyGraph.relationName(relation) + " " + t;
    }
}
