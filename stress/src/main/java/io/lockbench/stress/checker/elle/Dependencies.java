package io.lockbench.stress.checker.elle;

import io.lockbench.stress.checker.RealTimeOrder;
import io.lockbench.stress.checker.elle.KeyOrders.Observation;
import io.lockbench.stress.history.History;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the dependency graph between transactions that may have happened ({@code ok} and
 * {@code info}; a failed transaction has no effects to depend on), as Elle does for list-append:
 *
 * <ul>
 *   <li>ww: consecutive elements of a key's order, from the first's appender to the second's;</li>
 *   <li>wr: from the appender of the last element a read saw to the reader (earlier elements
 *       follow through ww);</li>
 *   <li>rw: from a reader to the appender of the element right after what it read;</li>
 *   <li>an append no read shows still came after every element some read shows (reads are
 *       prefixes of the key's final list): ww from the last observed element's appender, and rw
 *       from each read of the whole observed list (of the empty list, if nothing was observed);</li>
 *   <li>realtime, for the models that need it: from each transaction that completed ok to those
 *       invoked later, reduced to the edges not implied by others;</li>
 *   <li>process, for the strong session models: from each ok transaction to its process's next
 *       ok one ({@link ProcessEdges}).</li>
 * </ul>
 * A transaction of unknown outcome enters the graph only through what others observed of it.
 */
final class Dependencies {

    private Dependencies() {
    }

    static DependencyGraph build(List<Txn> txns, KeyOrders orders, Appends appends, TxnOrder txnOrder,
                                 History history) {
        DependencyGraph.Builder g = new DependencyGraph.Builder(txns.size());
        orders.readsByKey().forEach((key, reads) -> {
            List<Object> order = orders.order(key);
            if (order != null) {
                for (int i = 0; i + 1 < order.size(); i++) {
                    link(g, appends.writer(key, order.get(i)), appends.writer(key, order.get(i + 1)),
                            DependencyGraph.WW);
                }
            }
            for (Observation o : reads) {
                List<Object> seen = o.values();
                if (!seen.isEmpty()) {
                    link(g, appends.writer(key, seen.get(seen.size() - 1)), o.reader(), DependencyGraph.WR);
                }
                if (order != null && seen.size() < order.size()) {
                    link(g, o.reader(), appends.writer(key, order.get(seen.size())), DependencyGraph.RW);
                }
            }
        });
        unobservedAppends(g, txns, orders, appends);
        txnOrder.addEdges(g, txns, history);
        return g.build();
    }

    private static void unobservedAppends(DependencyGraph.Builder g, List<Txn> txns, KeyOrders orders,
                                          Appends appends) {
        java.util.Map<Object, List<Txn>> readersOfAll = new java.util.HashMap<>();
        for (Txn w : txns) {
            if (w.failed()) {
                continue;
            }
            for (MicroOp m : w.mops()) {
                if (!m.append() || orders.position(m.key(), m.value()) >= 0) {
                    continue;
                }
                List<Object> order = orders.observedOrder(m.key());
                if (order == null) {
                    continue;
                }
                if (!order.isEmpty()) {
                    link(g, appends.writer(m.key(), order.get(order.size() - 1)), w, DependencyGraph.WW);
                }
                List<Txn> readers = readersOfAll.computeIfAbsent(m.key(), k -> readersOfWhole(orders, k, order));
                for (Txn r : readers) {
                    link(g, r, w, DependencyGraph.RW);
                }
            }
        }
    }

    private static List<Txn> readersOfWhole(KeyOrders orders, Object key, List<Object> order) {
        List<Txn> out = new java.util.ArrayList<>();
        for (Observation o : orders.readsByKey().getOrDefault(key, List.of())) {
            if (o.values().size() == order.size()) {
                out.add(o.reader());
            }
        }
        return out;
    }

    private static void link(DependencyGraph.Builder g, Txn from, Txn to, int relation) {
        if (from != null && to != null && !from.failed() && !to.failed()) {
            g.add(from.id(), to.id(), relation);
        }
    }

    /**
     * Sweeps invocations and ok completions in real-time order, keeping the frontier: completed
     * transactions that precede no other completed one. Each invocation gets an edge from every
     * frontier member; each completion replaces, in the frontier, those that were linked to it.
     * Every "A completed before B began" is then a path, with about (concurrency) edges per node.
     */
    static void realTimeEdges(DependencyGraph.Builder g, List<Txn> txns, RealTimeOrder order) {
        long[] events = new long[txns.size() * 2];
        int n = 0;
        for (Txn t : txns) {
            if (t.failed()) {
                continue;
            }
            events[n++] = ((long) order.invoked(t.operation()) << 32) | ((long) t.id() << 1);
            if (t.ok()) {
                events[n++] = ((long) order.completed(t.operation()) << 32) | ((long) t.id() << 1) | 1;
            }
        }
        events = Arrays.copyOf(events, n);
        Arrays.sort(events);

        int[][] linkedAtInvoke = new int[txns.size()][];
        IntSet frontier = new IntSet(txns.size());
        for (long e : events) {
            int id = (int) ((e & 0xFFFFFFFFL) >>> 1);
            if ((e & 1) == 0) {
                int[] predecessors = frontier.toArray();
                for (int p : predecessors) {
                    g.add(p, id, DependencyGraph.RT);
                }
                linkedAtInvoke[id] = predecessors;
            } else {
                for (int p : linkedAtInvoke[id]) {
                    frontier.remove(p);
                }
                linkedAtInvoke[id] = null;
                frontier.add(id);
            }
        }
    }

    /** A set of small ints with O(1) add, remove and a dense array to iterate. */
    private static final class IntSet {
        private final int[] slot;
        private int[] members = new int[16];
        private int size;

        IntSet(int universe) {
            slot = new int[universe];
            Arrays.fill(slot, -1);
        }

        void add(int x) {
            if (slot[x] >= 0) {
                return;
            }
            if (size == members.length) {
                members = Arrays.copyOf(members, size * 2);
            }
            slot[x] = size;
            members[size++] = x;
        }

        void remove(int x) {
            int i = slot[x];
            if (i < 0) {
                return;
            }
            int last = members[--size];
            members[i] = last;
            slot[last] = i;
            slot[x] = -1;
        }

        int[] toArray() {
            return Arrays.copyOf(members, size);
        }
    }
}
