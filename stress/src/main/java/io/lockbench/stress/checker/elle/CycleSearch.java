package io.lockbench.stress.checker.elle;

import static io.lockbench.stress.checker.elle.DependencyGraph.DATA;
import static io.lockbench.stress.checker.elle.DependencyGraph.PROCESS;
import static io.lockbench.stress.checker.elle.DependencyGraph.RT;
import static io.lockbench.stress.checker.elle.DependencyGraph.RW;
import static io.lockbench.stress.checker.elle.DependencyGraph.WR;
import static io.lockbench.stress.checker.elle.DependencyGraph.WW;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds cycles in a dependency graph, one of each kind per strongly connected component where
 * that kind can occur, as Elle does.
 *
 * <p>Each {@link Kind} starts from an edge whose relation is the kind's distinguishing one (an
 * rw edge for G-single) and looks, breadth first, for the shortest way back over the relations the
 * kind allows, within the component of the graph restricted to those relations. Where the kind
 * needs a relation along the way as well (G2: a second rw), the search carries which ones it has
 * used; such a walk may revisit a transaction, and is then discarded. A budget bounds the work on
 * huge components; whatever it leaves unexplained, a final pass gives every cyclic component of
 * the whole graph at least one cycle, so whether a cycle exists is always decided exactly.
 */
final class CycleSearch {

    /** Start edges tried per component and kind before giving up on that kind there. */
    static final int STARTS_PER_COMPONENT = 64;
    /** Edges examined by the kind searches, in all, before the budget is spent. */
    static final long WORK_BUDGET = 50_000_000L;

    /**
     * A kind of cycle to look for.
     *
     * @param component relations that define the components to search in
     * @param start     the relation of the first edge
     * @param path      relations allowed on the way back
     * @param required  relations the way back must use at least once
     * @param nonadjacent whether no two rw steps may follow each other (G-nonadjacent)
     */
    record Kind(String name, int component, int start, int path, int required, boolean nonadjacent) {
        Kind(String name, int component, int start, int path, int required) {
            this(name, component, start, path, required, false);
        }
    }

    static final List<Kind> DATA_KINDS = List.of(
            new Kind("G0", WW, WW, WW, 0),
            new Kind("G1c", WW | WR, WR, WW | WR, 0),
            new Kind("G-single-item", DATA, RW, WW | WR, 0),
            new Kind("G-nonadjacent-item", DATA, RW, DATA, RW, true),
            new Kind("G2-item", DATA, RW, DATA, RW));

    /**
     * The kinds that need a step of {@code order} (real time or process), named with its suffix:
     * each is its data kind with that order allowed along the way and required at least once.
     */
    static List<Kind> orderKinds(TxnOrder order) {
        if (order == TxnOrder.NONE) {
            return List.of();
        }
        int o = order.relation();
        int all = order.relations();
        String s = order.suffix();
        return List.of(
                new Kind("G0" + s, WW | o, o, WW | o, 0),
                new Kind("G1c" + s, WW | WR | o, o, WW | WR | o, WR),
                new Kind("G-single-item" + s, all, RW, WW | WR | o, o),
                new Kind("G-nonadjacent-item" + s, all, RW, all, RW | o, true),
                new Kind("G2-item" + s, all, RW, all, RW | o));
    }

    private final DependencyGraph g;
    private final Map<Integer, Components> components = new HashMap<>();
    private long work;
    private boolean budgetSpent;
    private int[] seenAt;
    private int[] parent;
    private int[] queue;
    private int epoch;

    CycleSearch(DependencyGraph g) {
        this.g = g;
    }

    /** Whether some kind's search stopped early, so some kinds of cycle may be unreported. */
    boolean budgetSpent() {
        return budgetSpent;
    }

    /** Cycles, each as its transactions in order (the last one leads back to the first). */
    List<int[]> run(TxnOrder order) {
        int relations = order.relations();
        Components whole = components(relations);
        List<int[]> cycles = new ArrayList<>();
        if (!whole.anyCyclic()) {
            return cycles;
        }
        seenAt = new int[g.nodes * 16];
        parent = new int[g.nodes * 16];
        queue = new int[g.nodes * 16];
        List<Kind> kinds = new ArrayList<>(DATA_KINDS);
        kinds.addAll(orderKinds(order));
        for (Kind k : kinds) {
            cycles.addAll(search(k));
        }
        cycles.addAll(unexplained(whole, relations, cycles));
        return cycles;
    }

    private Components components(int relations) {
        return components.computeIfAbsent(relations, r -> Components.of(g, r));
    }

    private List<int[]> search(Kind kind) {
        Components within = components(kind.component());
        if (!within.anyCyclic()) {
            return List.of();
        }
        Components back = components(kind.path());
        // Per component, start edges whose ends are strongly connected by the path relations come
        // first: from those a way back surely exists.
        Map<Integer, List<long[]>> starts = new LinkedHashMap<>();
        for (int u = 0; u < g.nodes; u++) {
            int c = within.id[u];
            if (!within.cyclic(c)) {
                continue;
            }
            for (int e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
                int v = g.targets[e];
                int rel = g.relations[e] & kind.component();
                if (within.id[v] != c || Integer.lowestOneBit(rel) != kind.start()) {
                    continue;
                }
                List<long[]> list = starts.computeIfAbsent(c, x -> new ArrayList<>());
                if (list.size() < STARTS_PER_COMPONENT) {
                    boolean sure = back.id[u] == back.id[v];
                    list.add(new long[] {sure ? 0 : 1, u, v});
                }
            }
        }
        List<int[]> found = new ArrayList<>();
        for (Map.Entry<Integer, List<long[]>> entry : starts.entrySet()) {
            List<long[]> tries = entry.getValue();
            tries.sort((x, y) -> Long.compare(x[0], y[0]));
            for (long[] t : tries) {
                if (budgetSpent) {
                    return found;
                }
                int[] cycle = cycleThrough((int) t[1], (int) t[2], kind.path(), within.id, kind.required(),
                        kind.nonadjacent(), true);
                if (cycle != null) {
                    found.add(cycle);
                    break;
                }
            }
        }
        return found;
    }

    /** One cycle for each cyclic component of the whole graph that no kind's cycle lies in. */
    private List<int[]> unexplained(Components whole, int relations, List<int[]> cycles) {
        boolean[] explained = new boolean[whole.size.length];
        for (int[] c : cycles) {
            explained[whole.id[c[0]]] = true;
        }
        List<int[]> out = new ArrayList<>();
        for (int u = 0; u < g.nodes; u++) {
            int c = whole.id[u];
            if (!whole.cyclic(c) || explained[c]) {
                continue;
            }
            for (int e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
                int v = g.targets[e];
                if ((g.relations[e] & relations) != 0 && whole.id[v] == c) {
                    out.add(cycleThrough(u, v, relations, whole.id, 0, false, false));
                    explained[c] = true;
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The shortest simple cycle that takes the edge a→b and returns from b to a over
     * {@code relations} inside a's component, using each of {@code required} at least once on the
     * way back; {@code null} if none was found. With {@code nonadjacent} (the first edge being rw),
     * no rw step may follow another, nor lead back into a.
     */
    private int[] cycleThrough(int a, int b, int relations, int[] componentOf, int required, boolean nonadjacent,
                               boolean budgeted) {
        if (++epoch == Integer.MAX_VALUE) {
            java.util.Arrays.fill(seenAt, 0);
            epoch = 1;
        }
        int component = componentOf[a];
        int head = 0;
        int tail = 0;
        int first = (b << 4) | (nonadjacent ? LAST_RW : 0);
        seenAt[first] = epoch;
        parent[first] = -1;
        queue[tail++] = first;
        while (head < tail) {
            int state = queue[head++];
            int u = state >>> 4;
            int flags = state & 7;
            boolean lastRw = (state & LAST_RW) != 0;
            for (int e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
                if (budgeted && ++work > WORK_BUDGET) {
                    budgetSpent = true;
                    return null;
                }
                int rel = g.relations[e] & relations;
                int v = g.targets[e];
                if (rel == 0 || componentOf[v] != component || v == b) {
                    continue;
                }
                int step = Integer.lowestOneBit(rel);
                boolean rw = nonadjacent && step == RW;
                if (rw && lastRw) {
                    continue;
                }
                int reached = flags | flag(step & required);
                int next = (v << 4) | reached | (rw ? LAST_RW : 0);
                if (seenAt[next] == epoch) {
                    continue;
                }
                seenAt[next] = epoch;
                parent[next] = state;
                if (v != a) {
                    queue[tail++] = next;
                } else if (reached == flag(required) && !rw) {
                    return simpleCycle(a, next);
                }
            }
        }
        return null;
    }

    /** The cycle a → b → … → a read back from the search, or {@code null} if it repeats a node. */
    private int[] simpleCycle(int a, int end) {
        List<Integer> walk = new ArrayList<>();
        for (int s = parent[end]; s != -1; s = parent[s]) {
            walk.add(s >>> 4);
        }
        int[] cycle = new int[walk.size() + 1];
        cycle[0] = a;
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        seen.add(a);
        for (int i = 0; i < walk.size(); i++) {
            int node = walk.get(walk.size() - 1 - i);
            if (!seen.add(node)) {
                return null;
            }
            cycle[i + 1] = node;
        }
        return cycle;
    }

    /** The search-state bit that says the walk's last step was rw. */
    private static final int LAST_RW = 8;

    /**
     * Compact flag bits for the relations a walk must use (rw, wr, and realtime or process: a
     * graph never has both of those, so they share a bit).
     */
    private static int flag(int relations) {
        return ((relations & RW) != 0 ? 1 : 0) | ((relations & WR) != 0 ? 2 : 0)
                | ((relations & (RT | PROCESS)) != 0 ? 4 : 0);
    }
}
