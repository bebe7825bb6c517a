package io.lockbench.stress.checker.linear;

import io.lockbench.stress.history.Op;
import io.lockbench.stress.history.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Knossos's {@code multi-register}: registers named by keys, all {@code nil} at first, changed by
 * {@code txn} ops whose value is a list of {@code [:read k v]} and {@code [:write k v]} applied in
 * order, atomically. A read of {@code nil} always fits (Knossos takes it as "not known"), so the
 * reads of a transaction that never completed ok constrain nothing.
 */
public final class MultiRegisterModel implements Model<MultiRegisterModel.Registers, MultiRegisterModel.Txn> {

    public static final String NAME = "multi-register";

    /** The registers' values; a key that is absent holds nil. */
    public record Registers(Map<Object, Object> values) {
        @Override
        public String toString() {
            return values.toString();
        }
    }

    /** One step of a transaction. */
    public record Step(boolean write, Object key, Object value) {
        @Override
        public String toString() {
            return (write ? "w " : "r ") + key + " " + value;
        }
    }

    /** A transaction as the model sees it. */
    public record Txn(List<Step> steps) {
        @Override
        public String toString() {
            return "txn " + steps;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Registers initialState() {
        return new Registers(Map.of());
    }

    @Override
    public Txn operation(Op invocation, Op completion) {
        if (!invocation.f().equals("txn")) {
            throw new IllegalArgumentException("op " + invocation.index() + ": the " + NAME
                    + " model has no operation \"" + invocation.f() + "\" (expected txn)");
        }
        Op source = completion.isOk() && completion.value() != null ? completion : invocation;
        if (!(source.value() instanceof List<?> mops)) {
            throw new IllegalArgumentException("op " + source.index() + ": expected a txn value [[:read k v] "
                    + "[:write k v] …] but found " + source.value());
        }
        List<Step> steps = new ArrayList<>();
        for (Object m : mops) {
            if (!(m instanceof List<?> mop) || mop.size() != 3) {
                throw new IllegalArgumentException("op " + source.index() + ": expected a micro-op [f k v] but found "
                        + m);
            }
            String f = String.valueOf(mop.get(0));
            f = f.startsWith(":") ? f.substring(1) : f;
            boolean write = f.equals("write") || f.equals("w");
            if (!write && !f.equals("read") && !f.equals("r")) {
                throw new IllegalArgumentException("op " + source.index() + ": a micro-op's f must be read or write, "
                        + "got " + mop.get(0));
            }
            Object value = completion.isOk() || write ? normalize(mop.get(2)) : null;
            steps.add(new Step(write, normalize(mop.get(1)), value));
        }
        return new Txn(List.copyOf(steps));
    }

    @Override
    public Registers step(Registers state, Txn op) {
        Map<Object, Object> values = null;
        for (Step s : op.steps()) {
            Object current = values != null ? values.get(s.key()) : state.values().get(s.key());
            if (s.write()) {
                if (values == null) {
                    values = new HashMap<>(state.values());
                }
                values.put(s.key(), s.value());
            } else if (s.value() != null && !Objects.equals(s.value(), current)) {
                return null;
            }
        }
        return values == null ? state : new Registers(Collections.unmodifiableMap(values));
    }

    @Override
    public boolean isReadOnly(Txn op) {
        return op.steps().stream().noneMatch(Step::write);
    }

    private static Object normalize(Object v) {
        Long integer = Values.asLong(v);
        return integer != null ? integer : v;
    }
}
