package io.lockbench.stress.checker.linear;

import io.lockbench.stress.history.History;
import io.lockbench.stress.history.Op;
import io.lockbench.stress.history.OpType;
import java.util.HashMap;
import java.util.Map;

/**
 * The operations on one key, compiled for the search: model op ids in primitive arrays, and the
 * invocation and return events in history order.
 *
 * <p>What is left out, and why: {@code fail} ops (they certainly did not happen, as in Knossos),
 * nemesis records, ops the model says constrain nothing (a read that never returned), and
 * indeterminate read-only ops (taking effect or not changes nothing). An op that ended
 * {@code info} or never completed has no return event: it may take effect at any time after its
 * invocation, or never.
 */
final class KeyHistory {

    final Object key;
    /** Ops kept for the search, numbered 0…size-1 in invocation order. */
    final int size;
    final int[] opId;
    /** True for ops that completed ok; false for indeterminate ones. */
    final boolean[] completed;
    final int[] invokePosition;
    /** Position of the ok completion, or -1 for an indeterminate op. */
    final int[] completePosition;
    /** Events in history order: {@code op << 1} for an invocation, {@code op << 1 | 1} for a return. */
    final int[] events;
    /** Most ok ops ever in flight at once: the width of the linearized-ops bitset. */
    final int maxPending;
    /** Whether every kept op leaves a state that does not depend on the state before it. */
    final boolean successorsDetermined;
    /** Positions of every record of this key in the full history (for reports). */
    final int[] positions;
    /** The history it was compiled from (for reports). */
    final History history;

    private KeyHistory(Object key, int size, int[] opId, boolean[] completed, int[] invokePosition,
                       int[] completePosition, int[] events, int maxPending, boolean successorsDetermined,
                       int[] positions, History history) {
        this.key = key;
        this.size = size;
        this.opId = opId;
        this.completed = completed;
        this.invokePosition = invokePosition;
        this.completePosition = completePosition;
        this.events = events;
        this.maxPending = maxPending;
        this.successorsDetermined = successorsDetermined;
        this.positions = positions;
        this.history = history;
    }

    /**
     * @param positions the positions of this key's records, in history order
     * @throws IllegalArgumentException if the model cannot interpret an op
     */
    static <S, O> KeyHistory compile(Object key, History history, int[] positions, StepTable<S, O> table) {
        Builder<S, O> builder = new Builder<>(history, table);
        for (int p : positions) {
            builder.add(p);
        }
        return builder.build(key, positions);
    }

    /** Compiles one key's records handed over one at a time, in history order. */
    static final class Builder<S, O> {
        private final History history;
        private final StepTable<S, O> table;
        private final Model<S, O> model;
        private final IntList opId = new IntList();
        private final IntList completed = new IntList(); // 1 or 0
        private final IntList invokePosition = new IntList();
        private final IntList completePosition = new IntList();
        private final IntList events = new IntList();
        private final Map<Integer, Integer> awaitingReturn = new HashMap<>();
        private int n;
        private int pending;
        private int maxPending;

        Builder(History history, StepTable<S, O> table) {
            this.history = history;
            this.table = table;
            this.model = table.model();
        }

        /** @throws IllegalArgumentException if the model cannot interpret the op */
        void add(int p) {
            Op record = history.get(p);
            if (!record.isInvoke()) {
                Integer op = awaitingReturn.remove(p);
                if (op != null) {
                    events.add(op << 1 | 1);
                    pending--;
                }
                return;
            }
            int q = history.partnerPosition(p);
            Op completion = q < 0 ? neverCompleted(record) : history.get(q);
            if (completion.isFail()) {
                return;
            }
            O modelOp = model.operation(record, completion);
            if (modelOp == null) {
                return;
            }
            int id = table.opId(modelOp);
            boolean ok = completion.isOk();
            if (!ok && model.isReadOnly(modelOp)) {
                return;
            }
            opId.add(id);
            completed.add(ok ? 1 : 0);
            invokePosition.add(p);
            completePosition.add(ok ? q : -1);
            events.add(n << 1);
            if (ok) {
                awaitingReturn.put(q, n);
                maxPending = Math.max(maxPending, ++pending);
            }
            n++;
        }

        StepTable<S, O> table() {
            return table;
        }

        KeyHistory build(Object key, int[] positions) {
            table.freezeOps();
            int[] ids = opId.toArray();
            boolean determined = true;
            for (int i = 0; i < n && determined; i++) {
                determined = table.successor(ids[i]) >= 0;
            }
            boolean[] ok = new boolean[n];
            for (int i = 0; i < n; i++) {
                ok[i] = completed.get(i) == 1;
            }
            return new KeyHistory(key, n, ids, ok, invokePosition.toArray(), completePosition.toArray(),
                    events.toArray(), maxPending, determined, positions, history);
        }
    }

    /** What Jepsen's checkers assume of an op the run never saw complete: it is indeterminate. */
    private static Op neverCompleted(Op invocation) {
        return new Op(-1, OpType.INFO, invocation.process(), invocation.f(), invocation.key(), invocation.value(),
                Long.MAX_VALUE, "never completed");
    }
}
