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
        Model<S, O> model = table.model();
        int invocations = 0;
        for (int p : positions) {
            if (history.get(p).isInvoke()) {
                invocations++;
            }
        }
        int[] opId = new int[invocations];
        boolean[] completed = new boolean[invocations];
        int[] invokePosition = new int[invocations];
        int[] completePosition = new int[invocations];
        IntList events = new IntList(positions.length);
        Map<Integer, Integer> awaitingReturn = new HashMap<>();
        int n = 0;
        int pending = 0;
        int maxPending = 0;
        for (int p : positions) {
            Op record = history.get(p);
            if (!record.isInvoke()) {
                Integer op = awaitingReturn.remove(p);
                if (op != null) {
                    events.add(op << 1 | 1);
                    pending--;
                }
                continue;
            }
            int q = history.partnerPosition(p);
            Op completion = q < 0 ? neverCompleted(record) : history.get(q);
            if (completion.isFail()) {
                continue;
            }
            O modelOp = model.operation(record, completion);
            if (modelOp == null) {
                continue;
            }
            int id = table.opId(modelOp);
            boolean ok = completion.isOk();
            if (!ok && model.isReadOnly(modelOp)) {
                continue;
            }
            opId[n] = id;
            completed[n] = ok;
            invokePosition[n] = p;
            completePosition[n] = ok ? q : -1;
            events.add(n << 1);
            if (ok) {
                awaitingReturn.put(q, n);
                maxPending = Math.max(maxPending, ++pending);
            }
            n++;
        }
        table.freezeOps();
        boolean determined = true;
        for (int i = 0; i < n && determined; i++) {
            determined = table.successor(opId[i]) >= 0;
        }
        return new KeyHistory(key, n, opId, completed, invokePosition, completePosition, events.toArray(),
                maxPending, determined, positions, history);
    }

    /** What Jepsen's checkers assume of an op the run never saw complete: it is indeterminate. */
    private static Op neverCompleted(Op invocation) {
        return new Op(-1, OpType.INFO, invocation.process(), invocation.f(), invocation.key(), invocation.value(),
                Long.MAX_VALUE, "never completed");
    }
}
