package io.lockbench.stress.checker.linear;

import io.lockbench.stress.history.Op;
import java.util.List;
import java.util.Objects;

/**
 * A versioned register: the optimistic-locking row
 * ({@code UPDATE … SET value = ?, version = version + 1 WHERE id = ? AND version = ?}).
 *
 * <p>The state is {@code [version value]}, initially {@code [0 nil]}.
 * <ul>
 *   <li>{@code read} returns {@code [version value]} (its ok completion's value);</li>
 *   <li>{@code write [expected-version new-value]} succeeds only if the version is
 *       {@code expected-version}, and then leaves {@code [expected-version+1 new-value]}. A write
 *       that found another version (row count 0) is recorded as {@code fail}.</li>
 * </ul>
 * So two writes can never both succeed from the same version: a lost update is not linearizable.
 */
public final class VersionedRegisterModel implements Model<VersionedValue, VersionedOp> {

    public static final String NAME = "versioned";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public VersionedValue initialState() {
        return VersionedValue.INITIAL;
    }

    @Override
    public VersionedOp operation(Op invocation, Op completion) {
        switch (invocation.f()) {
            case "read": {
                if (!completion.isOk()) {
                    return null;
                }
                List<?> pair = pair(completion, "a read value [version value]");
                return new VersionedOp.Read(version(completion, pair.get(0)), pair.get(1));
            }
            case "write": {
                List<?> pair = pair(invocation, "a write value [expected-version new-value]");
                return new VersionedOp.Write(version(invocation, pair.get(0)), pair.get(1));
            }
            default:
                throw new IllegalArgumentException("op " + invocation.index() + ": the " + NAME
                        + " model has no operation \"" + invocation.f() + "\" (expected read or write)");
        }
    }

    private static List<?> pair(Op op, String expected) {
        if (op.value() instanceof List<?> pair && pair.size() == 2) {
            return pair;
        }
        throw new IllegalArgumentException("op " + op.index() + ": expected " + expected + " but found " + op.value());
    }

    private static long version(Op op, Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Integer i) {
            return i;
        }
        throw new IllegalArgumentException("op " + op.index() + ": expected the version to be an integer but found " + v);
    }

    @Override
    public VersionedValue step(VersionedValue state, VersionedOp op) {
        if (op instanceof VersionedOp.Read r) {
            return r.version() == state.version() && Objects.equals(r.value(), state.value()) ? state : null;
        }
        VersionedOp.Write w = (VersionedOp.Write) op;
        return w.expectedVersion() == state.version() ? new VersionedValue(w.expectedVersion() + 1, w.value()) : null;
    }

    @Override
    public boolean isReadOnly(VersionedOp op) {
        return op instanceof VersionedOp.Read;
    }

    @Override
    public VersionedValue determinedSuccessor(VersionedOp op) {
        if (op instanceof VersionedOp.Read r) {
            return new VersionedValue(r.version(), r.value());
        }
        VersionedOp.Write w = (VersionedOp.Write) op;
        return new VersionedValue(w.expectedVersion() + 1, w.value());
    }
}
