package io.lockbench.stress.checker;

import io.lockbench.stress.history.History;
import io.lockbench.stress.history.Op;
import io.lockbench.stress.history.OpType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a history record by record, the way a test reads it: {@code invoke} opens an operation on
 * a process and {@code ok} / {@code fail} / {@code info} closes it, copying its f and key. Indexes
 * are assigned in order and times advance by {@link #STEP} ns per record unless set with
 * {@link #at}.
 */
public final class HistoryScript {

    public static final long STEP = 10;

    private final List<Op> ops = new ArrayList<>();
    private final Map<Long, Op> inFlight = new HashMap<>();
    private long nextTime = 0;

    /** The time of the next record; later records continue from it. */
    public HistoryScript at(long time) {
        nextTime = time;
        return this;
    }

    public HistoryScript invoke(long process, String f, Object key, Object value) {
        Op op = new Op(ops.size(), OpType.INVOKE, process, f, key, value, tick(), null);
        inFlight.put(process, op);
        ops.add(op);
        return this;
    }

    public HistoryScript ok(long process, Object value) {
        return complete(process, OpType.OK, value, null);
    }

    /** An ok completion that repeats the invocation's value. */
    public HistoryScript ok(long process) {
        return complete(process, OpType.OK, pending(process).value(), null);
    }

    public HistoryScript fail(long process) {
        return complete(process, OpType.FAIL, pending(process).value(), "rejected");
    }

    public HistoryScript info(long process) {
        return complete(process, OpType.INFO, pending(process).value(), "connection lost during commit");
    }

    /** A whole operation with nothing concurrent: invoke then ok. */
    public HistoryScript call(long process, String f, Object key, Object value, Object result) {
        return invoke(process, f, key, value).ok(process, result);
    }

    public History build() {
        return new History(ops);
    }

    private HistoryScript complete(long process, OpType type, Object value, String error) {
        Op inv = inFlight.remove(process);
        if (inv == null) {
            throw new IllegalStateException("process " + process + " has no operation in flight");
        }
        ops.add(new Op(ops.size(), type, process, inv.f(), inv.key(), value, tick(), error));
        return this;
    }

    private Op pending(long process) {
        Op inv = inFlight.get(process);
        if (inv == null) {
            throw new IllegalStateException("process " + process + " has no operation in flight");
        }
        return inv;
    }

    private long tick() {
        long t = nextTime;
        nextTime += STEP;
        return t;
    }
}
