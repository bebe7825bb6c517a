package io.lockbench.stress.checker.linear;

import io.lockbench.stress.history.History;
import io.lockbench.stress.history.Op;
import io.lockbench.stress.history.OpType;
import java.util.ArrayList;
import java.util.List;

/** A small builder for hand-written histories: index and time follow the order of calls. */
final class Hist {

    private final List<Op> ops = new ArrayList<>();
    private Object key;

    static Hist history() {
        return new Hist();
    }

    /** Following records are on {@code k} (null for a single register). */
    Hist key(Object k) {
        this.key = k;
        return this;
    }

    Hist invoke(long process, String f, Object value) {
        return add(OpType.INVOKE, process, f, value);
    }

    Hist ok(long process, String f, Object value) {
        return add(OpType.OK, process, f, value);
    }

    Hist fail(long process, String f, Object value) {
        return add(OpType.FAIL, process, f, value);
    }

    Hist info(long process, String f, Object value) {
        return add(OpType.INFO, process, f, value);
    }

    private Hist add(OpType type, long process, String f, Object value) {
        int i = ops.size();
        ops.add(new Op(i, type, process, f, key, value, i * 10L, type == OpType.INFO ? "timeout" : null));
        return this;
    }

    History build() {
        return new History(ops);
    }

    static List<Long> pair(long a, long b) {
        return List.of(a, b);
    }
}
