package io.lockbench.stress.checker.linear;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The indeterminate ({@code info}) ops invoked so far, and the search for the few ways they can
 * explain an observation.
 *
 * <p>Lazy application: when every op's resulting state is determined by the op alone (a write
 * of 3 leaves 3, a read of 3 needs 3), an indeterminate op only matters just before an op it
 * enables. Take a valid linearization and look at each run of indeterminate ops before a
 * completed op Y: if Y can happen without them, dropping them changes no state after Y;
 * otherwise they are a chain from the state before to one where Y can happen. So the search
 * applies indeterminate ops only when a pending op cannot happen otherwise, and then only the
 * minimal chains (no chain that uses a superset of another's ops).
 *
 * <p>Chains are found backwards from the goal: the kinds of op whose resulting state lets the
 * goal happen, then (if such an op cannot happen in the current state) chains that enable it,
 * and so on, up to {@link #MAX_CHAIN} deep. Reaching that depth marks the search incomplete, so
 * a failure to linearize becomes "unknown", never a wrong "invalid".
 */
final class IndeterminatePool {

    static final int MAX_CHAIN = 8;
    private static final int MAX_WORK_PER_SEARCH = 200_000;
    private static final int MAX_CACHED = 1 << 16;

    private final StepTable<?, ?> table;
    /** Relaxed search: an invoked indeterminate op may take effect any number of times. */
    private final boolean reusable;
    private final Consumptions consumptions;
    /** Per op id: how many indeterminate ops of that kind have been invoked. */
    private final int[] available;
    /** Op ids with at least one invoked indeterminate op, in order of first invocation. */
    private final IntList kinds = new IntList();
    private final Map<Integer, IntList> kindsByResult = new HashMap<>();
    private final IntList results = new IntList();
    private final Map<Integer, Enabling> enablingByGoal = new HashMap<>();
    private final Map<Long, List<int[]>> chainCache = new HashMap<>();
    private boolean incomplete;
    private long work;

    IndeterminatePool(StepTable<?, ?> table, Consumptions consumptions, boolean reusable) {
        this.table = table;
        this.reusable = reusable;
        this.consumptions = consumptions;
        this.available = new int[table.opCount()];
    }

    void add(int op) {
        if (available[op]++ == 0) {
            kinds.add(op);
            int result = table.successor(op);
            if (result >= 0) {
                IntList same = kindsByResult.get(result);
                if (same == null) {
                    same = new IntList(2);
                    kindsByResult.put(result, same);
                    results.add(result);
                }
                same.add(op);
            }
            chainCache.clear(); // a new kind can make new chains
        }
    }

    boolean isEmpty() {
        return kinds.isEmpty();
    }

    IntList kinds() {
        return kinds;
    }

    /** How many ops of {@code kind} a configuration that used {@code consumed} can still apply. */
    int supply(int kind, int consumed) {
        if (reusable) {
            return available[kind] > 0 ? Integer.MAX_VALUE : 0;
        }
        return available[kind] - consumptions.count(consumed, kind);
    }

    /** Whether a chain search was ever cut short (so "cannot be linearized" is not certain). */
    boolean incomplete() {
        return incomplete;
    }

    long work() {
        return work;
    }

    /**
     * The ways indeterminate ops can take {@code state} to one where {@code goal} can happen,
     * with enough supply left after {@code consumed}. Every chain ends in a state where
     * {@code goal} can happen, so (its successor being determined) all lead to the same state
     * after {@code goal}.
     *
     * <p>What is returned depends on the search: a relaxed one needs only to know that a chain
     * exists; a frugal one gets the chain that uses fewest ops (and learns whether there were
     * others it did not get); an exact one gets every minimal chain.
     *
     * @param out receives, per chain, the consumption after using it
     * @return true if chains were left out that an exact search would have used
     */
    boolean enable(int state, int goal, int consumed, SearchMode mode, IntList out) {
        List<int[]> chains = chains(state, goal);
        if (chains.isEmpty()) {
            return false;
        }
        if (reusable) {
            out.add(consumed); // nothing is used up, so one chain stands for all
            return false;
        }
        if (mode == SearchMode.FRUGAL) {
            return cheapest(chains, consumed, out);
        }
        List<int[]> minimal = new ArrayList<>();
        for (int[] chain : chains) { // shortest first, so a chain's subsets come before it
            if (affordable(chain, consumed) && !containsSubsetOf(minimal, chain)) {
                minimal.add(chain);
                int c = consumed;
                for (int kind : chain) {
                    c = consumptions.plus(c, kind);
                }
                out.add(c);
            }
        }
        return false;
    }

    private boolean cheapest(List<int[]> chains, int consumed, IntList out) {
        int[] chosen = null;
        for (int[] chain : chains) {
            if (!affordable(chain, consumed)) {
                continue;
            }
            if (chosen == null) {
                chosen = chain;
                int c = consumed;
                for (int kind : chain) {
                    c = consumptions.plus(c, kind);
                }
                out.add(c);
            } else if (!subset(chosen, chain)) {
                return true; // another minimal chain exists: left out
            }
        }
        return false;
    }

    /** All chains from {@code state} to {@code goal}, ignoring supply, shortest first (cached). */
    private List<int[]> chains(int state, int goal) {
        long cacheKey = ((long) state << 32) | goal;
        List<int[]> chains = chainCache.get(cacheKey);
        if (chains == null) {
            chains = new ArrayList<>();
            search(state, goal, MAX_CHAIN, new IntList(), chains, work + MAX_WORK_PER_SEARCH);
            chains.sort(java.util.Comparator.comparingInt(c -> c.length));
            if (chainCache.size() >= MAX_CACHED) {
                chainCache.clear();
            }
            chainCache.put(cacheKey, chains);
        }
        return chains;
    }

    private boolean affordable(int[] chain, int consumed) {
        for (int kind : chain) {
            if (supply(kind, consumed) <= 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsSubsetOf(List<int[]> chains, int[] chain) {
        for (int[] other : chains) {
            if (subset(other, chain)) {
                return true;
            }
        }
        return false;
    }

    private static boolean subset(int[] small, int[] big) {
        for (int k : small) {
            boolean found = false;
            for (int b : big) {
                if (b == k) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /**
     * Chains from {@code state} ending in a kind whose result lets {@code goal} happen, built
     * backwards. A minimal chain never passes through the same state twice (the loop could be
     * cut out), so a kind whose result is {@code state} or a later state of the chain is skipped:
     * chains are at most as long as there are distinct results.
     */
    private void search(int state, int goal, int depth, IntList suffix, List<int[]> out, long budget) {
        Enabling enabling = enablingFor(goal);
        for (int r = 0; r < enabling.results.size(); r++) {
            int result = enabling.results.get(r);
            if (result == state || resultOnChain(suffix, result)) {
                continue;
            }
            IntList candidates = kindsByResult.get(result);
            for (int k = 0; k < candidates.size(); k++) {
                int kind = candidates.get(k);
                if (++work > budget) {
                    incomplete = true;
                    return;
                }
                if (table.step(state, kind) >= 0) {
                    int[] chain = new int[suffix.size() + 1];
                    chain[0] = kind;
                    for (int i = 0; i < suffix.size(); i++) {
                        chain[i + 1] = suffix.get(suffix.size() - 1 - i);
                    }
                    out.add(chain);
                } else if (depth > 1) {
                    suffix.add(kind);
                    search(state, kind, depth - 1, suffix, out, budget);
                    suffix.pop();
                } else {
                    incomplete = true;
                }
            }
        }
    }

    private boolean resultOnChain(IntList suffix, int result) {
        for (int i = 0; i < suffix.size(); i++) {
            if (table.successor(suffix.get(i)) == result) {
                return true;
            }
        }
        return false;
    }

    /** The results of indeterminate kinds in which {@code goal} can happen, kept up to date. */
    private Enabling enablingFor(int goal) {
        Enabling e = enablingByGoal.computeIfAbsent(goal, g -> new Enabling());
        for (; e.checked < results.size(); e.checked++) {
            int result = results.get(e.checked);
            if (table.step(result, goal) >= 0) {
                e.results.add(result);
            }
        }
        return e;
    }

    private static final class Enabling {
        final IntList results = new IntList(2);
        int checked;
    }
}
