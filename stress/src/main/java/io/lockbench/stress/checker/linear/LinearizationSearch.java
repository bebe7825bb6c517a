package io.lockbench.stress.checker.linear;

import io.lockbench.stress.checker.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether one key's operations are linearizable: Lowe's just-in-time variant of the
 * Wing–Gong–Lowe search, breadth first over the history's events.
 *
 * <p>It keeps the set of configurations (model state, which pending ops are already linearized,
 * which indeterminate ops were used) reachable after each event. An invocation adds a pending
 * op. A return forces its op to be linearized: from every configuration, every order of
 * still-unlinearized pending ops that ends with it is tried, and the configurations reached
 * replace the set (deduplicated — the visited-state cache — so each is expanded once per event).
 * If none is reached, that op cannot be linearized: the history is not linearizable, and the
 * set reached just before is the evidence. Because the whole frontier is carried forward, an
 * invalid history costs what a valid one does, and memory is bounded by the frontier, not by
 * the history.
 *
 * <p>Reductions that keep the frontier small, each exact:
 * <ul>
 *   <li>a pending read-only op consistent with a configuration's state is linearized at once
 *       (doing so never loses a continuation), so concurrent reads do not multiply
 *       configurations;</li>
 *   <li>indeterminate ops are applied lazily, only as minimal chains that enable an op
 *       ({@link IndeterminatePool}), and identical ones are interchangeable;</li>
 *   <li>a configuration that used a superset of another's indeterminate ops, with the same state
 *       and linearized set, is dropped.</li>
 * </ul>
 * How configurations that used different indeterminate ops are kept apart is the
 * {@link SearchMode}; {@link LinearizabilityChecker} runs the modes as tiers.
 * Models whose ops do not determine their resulting state fall back to trying indeterminate ops
 * at every step (correct, but slower).
 */
final class LinearizationSearch<S, O> {

    private static final int CLOCK_EVERY = 1 << 10;
    private static final int REPORTED_CONFIGURATIONS = 8;

    private final KeyHistory history;
    private final SearchMode mode;
    private final StepTable<S, O> table;
    private final int maxConfigurations;
    private final long deadlineNanos;
    private final String timeLimitText;
    private final int words;
    private final Consumptions consumptions = new Consumptions();
    private final IndeterminatePool pool;
    private final boolean lazyIndeterminate;

    private final int[] slotOp;
    private final int[] slotOfOp;
    private final IntList freeSlots;
    private final long[] pending;
    private final long[] pendingReadOnly;

    private ConfigurationSet frontier;
    private ConfigurationSet next;
    private final ConfigurationSet seen;
    private final IntList stack = new IntList(64);
    private final long[] mask;
    private final long[] scratch;
    private final IntList enabled = new IntList();

    private long configurations;
    private long cacheHits;
    private long ticks;
    private int peak;
    private boolean usedIndeterminate;
    private String stopReason;
    /** Whether configurations were dropped that an exact search would have kept. */
    private boolean dropped;

    LinearizationSearch(KeyHistory history, StepTable<S, O> table, SearchMode mode, SearchBudget budget,
                        long deadlineNanos) {
        this.history = history;
        this.mode = mode;
        this.table = table;
        this.maxConfigurations = budget.maxConfigurations();
        this.deadlineNanos = deadlineNanos;
        this.timeLimitText = budget.timeLimit().toString().substring(2).toLowerCase(java.util.Locale.ROOT);
        this.words = Math.max(1, (history.maxPending + 63) >>> 6);
        this.pool = new IndeterminatePool(table, consumptions, mode.reusableIndeterminate);
        this.lazyIndeterminate = history.successorsDetermined;
        int slots = words * 64;
        this.slotOp = new int[slots];
        this.slotOfOp = new int[history.size];
        this.freeSlots = new IntList(slots);
        for (int s = slots - 1; s >= 0; s--) {
            freeSlots.add(s);
        }
        this.pending = new long[words];
        this.pendingReadOnly = new long[words];
        this.frontier = new ConfigurationSet(words, mode.keyedOnConsumption);
        this.next = new ConfigurationSet(words, mode.keyedOnConsumption);
        this.seen = new ConfigurationSet(words, mode.keyedOnConsumption);
        this.mask = new long[words];
        this.scratch = new long[words];
    }

    KeyOutcome run() {
        frontier.add(table.initial(), new long[words], Consumptions.NONE, -1);
        for (int event : history.events) {
            int op = event >>> 1;
            if ((event & 1) == 0) {
                invoke(op);
                continue;
            }
            KeyOutcome.Failure failure = complete(op);
            if (stopReason != null) {
                return outcome(Verdict.UNKNOWN, stopReason, null);
            }
            if (failure != null) {
                if (pool.incomplete() && mode != SearchMode.FRUGAL) {
                    return outcome(Verdict.UNKNOWN, "op " + history.history.get(failure.completePosition()).index()
                            + " cannot be linearized unless by a chain of more than " + IndeterminatePool.MAX_CHAIN
                            + " indeterminate ops, or one the search gave up looking for", null);
                }
                return outcome(Verdict.INVALID, null, failure);
            }
        }
        return outcome(Verdict.VALID, null, null);
    }

    private KeyOutcome outcome(Verdict verdict, String reason, KeyOutcome.Failure failure) {
        return new KeyOutcome(history.key, verdict, reason, failure, history.size, configurations, cacheHits, peak);
    }

    /**
     * Whether this search left out configurations an exact one keeps — set aside, or behind a
     * chain search cut short — so that its dead end proves nothing.
     */
    boolean droppedConfigurations() {
        return dropped || pool.incomplete();
    }

    private void invoke(int op) {
        int id = history.opId[op];
        if (!history.completed[op]) {
            pool.add(id);
            return;
        }
        int slot = freeSlots.pop();
        slotOp[slot] = op;
        slotOfOp[op] = slot;
        pending[slot >>> 6] |= 1L << slot;
        if (table.readOnly(id)) {
            pendingReadOnly[slot >>> 6] |= 1L << slot;
            boolean changed = false;
            for (int i = 0; i < frontier.size(); i++) {
                int state = frontier.state(i);
                if (table.step(state, id) == state) {
                    frontier.setBit(i, slot);
                    changed = true;
                }
            }
            if (changed) {
                frontier.reindex();
            }
        }
    }

    /** Linearizes {@code op} in every way possible; returns the evidence if there is none. */
    private KeyOutcome.Failure complete(int op) {
        int slot = slotOfOp[op];
        int word = slot >>> 6;
        long bit = 1L << slot;
        next.clear();
        seen.clear();
        stack.clear();
        for (int i = 0; i < frontier.size(); i++) {
            frontier.copyMask(i, scratch);
            if ((scratch[word] & bit) != 0) {
                scratch[word] &= ~bit;
                put(next, frontier.state(i), frontier.consumed(i), frontier.setter(i), false);
            } else {
                put(seen, frontier.state(i), frontier.consumed(i), frontier.setter(i), true);
            }
        }
        while (!stack.isEmpty()) {
            if ((++ticks & (CLOCK_EVERY - 1)) == 0 && System.nanoTime() - deadlineNanos > 0) {
                stopReason = "time budget of " + timeLimitText + " spent at op "
                        + history.history.get(history.invokePosition[op]).index() + " after exploring "
                        + configurations + " configurations";
                return null;
            }
            expand(stack.pop(), word, bit);
            int held = seen.size() + next.size() + frontier.size();
            if (held > maxConfigurations) {
                stopReason = "configuration budget of " + maxConfigurations + " exceeded at op "
                        + history.history.get(history.invokePosition[op]).index()
                        + " (too many concurrent ops whose order cannot be pinned down)";
                return null;
            }
        }
        peak = Math.max(peak, seen.size() + next.size() + frontier.size());
        if (next.isEmpty()) {
            return failure(op);
        }
        pending[word] &= ~bit;
        pendingReadOnly[word] &= ~bit;
        freeSlots.add(slot);
        ConfigurationSet t = frontier;
        frontier = next;
        next = t;
        if (usedIndeterminate && mode.keyedOnConsumption) {
            dropDominated();
        }
        usedIndeterminate = false;
        return null;
    }

    /** Tries to linearize each unlinearized pending op after configuration {@code x} of {@link #seen}. */
    private void expand(int x, int returningWord, long returningBit) {
        int state = seen.state(x);
        int consumed = seen.consumed(x);
        int setter = seen.setter(x);
        seen.copyMask(x, mask);
        for (int w = 0; w < words; w++) {
            long open = pending[w] & ~mask[w];
            while (open != 0) {
                int slot = (w << 6) + Long.numberOfTrailingZeros(open);
                open &= open - 1;
                int op = slotOp[slot];
                int id = history.opId[op];
                int after = (pendingReadOnly[w] & (1L << slot)) != 0 ? -1 : table.step(state, id);
                if (after >= 0) {
                    emit(slot, state, after, consumed, after != state ? op : setter, returningWord, returningBit);
                } else if (lazyIndeterminate && !pool.isEmpty()) {
                    enabled.clear();
                    dropped |= pool.enable(state, id, consumed, mode, enabled);
                    if (!enabled.isEmpty()) {
                        usedIndeterminate = true;
                        int successor = table.successor(id);
                        for (int i = 0; i < enabled.size(); i++) {
                            emit(slot, state, successor, enabled.get(i), op, returningWord, returningBit);
                        }
                    }
                }
            }
        }
        if (!lazyIndeterminate && !pool.isEmpty()) {
            applyIndeterminateAnywhere(state, consumed, setter, returningWord, returningBit);
        }
    }

    /** The fallback for models whose ops' results depend on the state: try each indeterminate op here. */
    private void applyIndeterminateAnywhere(int state, int consumed, int setter, int returningWord,
                                            long returningBit) {
        IntList kinds = pool.kinds();
        for (int k = 0; k < kinds.size(); k++) {
            int kind = kinds.get(k);
            if (pool.supply(kind, consumed) <= 0) {
                continue;
            }
            int after = table.step(state, kind);
            if (after < 0 || after == state) {
                continue;
            }
            usedIndeterminate = true;
            System.arraycopy(mask, 0, scratch, 0, words);
            linearizeConsistentReads(after);
            // The returning op may be one of the reads this linearized: then the configuration is a result.
            add(after, mode.reusableIndeterminate ? consumed : consumptions.plus(consumed, kind), setter,
                    returningWord, returningBit);
        }
    }

    /** The configuration after linearizing {@code slot}: a result if it is the returning op, else more to expand. */
    private void emit(int slot, int before, int after, int consumed, int setter, int returningWord, long returningBit) {
        System.arraycopy(mask, 0, scratch, 0, words);
        scratch[slot >>> 6] |= 1L << slot;
        if (after != before) {
            linearizeConsistentReads(after);
        }
        add(after, consumed, setter, returningWord, returningBit);
    }

    private void add(int state, int consumed, int setter, int returningWord, long returningBit) {
        if (returningWord >= 0 && (scratch[returningWord] & returningBit) != 0) {
            scratch[returningWord] &= ~returningBit;
            put(next, state, consumed, setter, false);
            return;
        }
        put(seen, state, consumed, setter, true);
    }

    /**
     * Adds the configuration in {@link #scratch} to {@code set}; in a frugal search, replaces one
     * with the same state and mask that used more (and expands it again if {@code expand}).
     */
    private void put(ConfigurationSet set, int state, int consumed, int setter, boolean expand) {
        configurations++;
        int index = set.add(state, scratch, consumed, setter);
        if (index >= 0) {
            if (expand) {
                stack.add(index);
            }
            return;
        }
        cacheHits++;
        if (mode.keyedOnConsumption) {
            return;
        }
        int existing = set.find(state, scratch, consumed);
        int old = set.consumed(existing);
        if (old == consumed || consumptions.containedIn(old, consumed)) {
            return; // the one kept can do whatever this one can
        }
        boolean better = consumptions.containedIn(consumed, old);
        if (!better) {
            dropped = true; // neither covers the other: an exact search would keep both
            better = consumptions.total(consumed) < consumptions.total(old);
        }
        if (better) {
            set.replaceConsumed(existing, consumed, setter);
            if (expand) {
                stack.add(existing);
            }
        }
    }

    /** Linearizes, in {@link #scratch}, every pending read-only op that {@code state} satisfies. */
    private void linearizeConsistentReads(int state) {
        for (int w = 0; w < words; w++) {
            long reads = pendingReadOnly[w] & ~scratch[w];
            while (reads != 0) {
                int slot = (w << 6) + Long.numberOfTrailingZeros(reads);
                reads &= reads - 1;
                if (table.step(state, history.opId[slotOp[slot]]) == state) {
                    scratch[w] |= 1L << slot;
                }
            }
        }
    }

    /**
     * Drops configurations that used a superset of the indeterminate ops another one with the
     * same state and linearized set used: whatever the first can do, the second can too.
     */
    private void dropDominated() {
        int n = frontier.size();
        if (n < 2) {
            return;
        }
        Map<Long, IntList> groups = new HashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(frontier.stateAndMaskHash(i), h -> new IntList(2)).add(i);
        }
        boolean[] keep = new boolean[n];
        java.util.Arrays.fill(keep, true);
        boolean any = false;
        for (IntList group : groups.values()) {
            for (int a = 0; a < group.size(); a++) {
                int i = group.get(a);
                for (int b = 0; b < group.size() && keep[i]; b++) {
                    int j = group.get(b);
                    if (i != j && keep[j] && frontier.sameStateAndMask(i, j)
                            && consumptions.containedIn(frontier.consumed(j), frontier.consumed(i))) {
                        keep[i] = false;
                        any = true;
                    }
                }
            }
        }
        if (any) {
            frontier.retain(keep);
        }
    }

    private KeyOutcome.Failure failure(int op) {
        int windowStart = history.invokePosition[op];
        for (int w = 0; w < words; w++) {
            long open = pending[w];
            while (open != 0) {
                int slot = (w << 6) + Long.numberOfTrailingZeros(open);
                open &= open - 1;
                windowStart = Math.min(windowStart, history.invokePosition[slotOp[slot]]);
            }
        }
        List<KeyOutcome.Configuration> sample = new ArrayList<>();
        for (int i = 0; i < frontier.size(); i++) {
            int setter = frontier.setter(i);
            if (setter >= 0) {
                windowStart = Math.min(windowStart, history.invokePosition[setter]);
            }
            if (sample.size() < REPORTED_CONFIGURATIONS) {
                sample.add(describe(i));
            }
        }
        return new KeyOutcome.Failure(history.invokePosition[op], history.completePosition[op], sample,
                frontier.size(), windowStart);
    }

    private KeyOutcome.Configuration describe(int i) {
        List<Integer> linearized = new ArrayList<>();
        List<Integer> open = new ArrayList<>();
        for (int w = 0; w < words; w++) {
            long p = pending[w];
            while (p != 0) {
                int slot = (w << 6) + Long.numberOfTrailingZeros(p);
                p &= p - 1;
                int position = history.invokePosition[slotOp[slot]];
                if ((frontier.maskWord(i, w) & (1L << slot)) != 0) {
                    linearized.add(position);
                } else {
                    open.add(position);
                }
            }
        }
        List<String> used = new ArrayList<>();
        int[] pairs = consumptions.pairs(frontier.consumed(i));
        for (int k = 0; k < pairs.length; k += 2) {
            used.add(table.op(pairs[k]) + (pairs[k + 1] > 1 ? " x" + pairs[k + 1] : ""));
        }
        return new KeyOutcome.Configuration(String.valueOf(table.state(frontier.state(i))), linearized, open, used);
    }
}
