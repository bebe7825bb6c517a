package io.lockbench.stress.checker.linear;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model seen through integers: states and ops are interned to ids and {@code step} is
 * memoized, so the search compares and hashes {@code int}s and calls the model once per
 * distinct (state, op) pair.
 */
final class StepTable<S, O> {

    /** Memo entries before the memo is emptied: it is a cache, and must not outgrow the budget. */
    private static final int MEMO_LIMIT = 1 << 22;

    private final Model<S, O> model;
    private final List<S> states = new ArrayList<>();
    private final Map<S, Integer> stateIds = new HashMap<>();
    private final List<O> ops = new ArrayList<>();
    private final Map<O, Integer> opIds = new HashMap<>();
    private final LongIntMap memo = new LongIntMap(1 << 10);
    private boolean[] readOnly;
    private int[] successor;
    private long hits;
    private long misses;

    StepTable(Model<S, O> model) {
        this.model = model;
        stateId(model.initialState());
    }

    Model<S, O> model() {
        return model;
    }

    /** The initial state's id. */
    int initial() {
        return 0;
    }

    int stateId(S state) {
        Integer id = stateIds.get(state);
        if (id == null) {
            id = states.size();
            states.add(state);
            stateIds.put(state, id);
        }
        return id;
    }

    int opId(O op) {
        Integer id = opIds.get(op);
        if (id == null) {
            id = ops.size();
            ops.add(op);
            opIds.put(op, id);
        }
        return id;
    }

    /** Called once every op is interned: caches what the model says about each op. */
    void freezeOps() {
        readOnly = new boolean[ops.size()];
        successor = new int[ops.size()];
        for (int i = 0; i < ops.size(); i++) {
            O op = ops.get(i);
            readOnly[i] = model.isReadOnly(op);
            S next = model.determinedSuccessor(op);
            successor[i] = next == null ? -1 : stateId(next);
        }
    }

    int opCount() {
        return ops.size();
    }

    S state(int id) {
        return states.get(id);
    }

    O op(int id) {
        return ops.get(id);
    }

    int stateCount() {
        return states.size();
    }

    boolean readOnly(int op) {
        return readOnly[op];
    }

    /** The state {@code op} always leaves, or -1 if it depends on the state before. */
    int successor(int op) {
        return successor[op];
    }

    /** The state after {@code op} in {@code state}, or -1 if {@code op} cannot happen there. */
    int step(int state, int op) {
        long key = ((long) state << 32) | op;
        int next = memo.get(key);
        if (next != LongIntMap.ABSENT) {
            hits++;
            return next;
        }
        misses++;
        S after = model.step(states.get(state), ops.get(op));
        next = after == null ? -1 : stateId(after);
        if (memo.size() >= MEMO_LIMIT) {
            memo.clear();
        }
        memo.put(key, next);
        return next;
    }

    long memoHits() {
        return hits;
    }

    long modelCalls() {
        return misses;
    }
}
