package io.lockbench.stress.checker.linear;

import io.lockbench.stress.history.Op;

/**
 * Knossos's {@code mutex} model, here called {@code knossos-lock}: a lock with no owner, free at
 * first; {@code acquire} can happen only while it is free, {@code release} only while it is held
 * (by anyone). A history is linearizable against it or not. lockbench's own {@code mutex} model
 * is a different thing: the fencing and inspection invariants of a lock service's holders.
 */
public final class KnossosLockModel implements Model<KnossosLockModel.Lock, KnossosLockModel.LockOp> {

    public static final String NAME = "knossos-lock";

    /** Whether the lock is held. */
    public enum Lock {
        FREE, HELD
    }

    /** What the model sees of an op: an acquire or a release. */
    public enum LockOp {
        ACQUIRE, RELEASE;

        @Override
        public String toString() {
            return this == ACQUIRE ? "acquire" : "release";
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Lock initialState() {
        return Lock.FREE;
    }

    @Override
    public LockOp operation(Op invocation, Op completion) {
        return switch (invocation.f()) {
            case "acquire" -> LockOp.ACQUIRE;
            case "release" -> LockOp.RELEASE;
            default -> throw new IllegalArgumentException("op " + invocation.index() + ": the " + NAME
                    + " model has no operation \"" + invocation.f() + "\" (expected acquire or release)");
        };
    }

    @Override
    public Lock step(Lock state, LockOp op) {
        if (op == LockOp.ACQUIRE) {
            return state == Lock.FREE ? Lock.HELD : null;
        }
        return state == Lock.HELD ? Lock.FREE : null;
    }

    @Override
    public Lock determinedSuccessor(LockOp op) {
        return op == LockOp.ACQUIRE ? Lock.HELD : Lock.FREE;
    }
}
