package io.lockbench.stress.history;

import java.util.List;
import java.util.Objects;

/**
 * One record of a history: Jepsen's operation map as a Java value.
 *
 * <p>Values are plain data so every format can carry them: {@code null}, {@link Long},
 * {@link Double}, {@link String}, {@link Boolean}, {@link List} and {@link java.util.Map} of
 * those. Conventions per {@code f}:
 * <ul>
 *   <li>{@code read}: value is what was read ({@code null} on the invocation);</li>
 *   <li>{@code write}: value is what is written;</li>
 *   <li>{@code cas}: value is {@code [expected, new]};</li>
 *   <li>{@code txn} (list-append): value is a list of micro-ops {@code ["append", k, v]} and
 *       {@code ["r", k, [v…]]} (the read list is {@code null} on the invocation).</li>
 * </ul>
 *
 * @param index   position in the history, 0-based, strictly increasing
 * @param type    invoke / ok / fail / info
 * @param process the logical client that issued it ({@link #NEMESIS} for fault records)
 * @param f       what was done: read, write, cas, txn, claim, release, …
 * @param key     the object operated on ({@code null} for single-object histories); Jepsen's
 *                independent histories carry it as {@code :value [key v]}
 * @param value   the operation's argument or result, see above
 * @param time    nanoseconds since the run started (monotonic clock)
 * @param error   why it failed or is indeterminate, or {@code null}
 */
public record Op(long index, OpType type, long process, String f, Object key, Object value, long time,
                 String error) {

    /** The process id used for the nemesis's own records. */
    public static final long NEMESIS = -1;

    public Op {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(f, "f");
    }

    public static Op invoke(long index, long process, String f, Object key, Object value, long time) {
        return new Op(index, OpType.INVOKE, process, f, key, value, time, null);
    }

    public boolean isInvoke() {
        return type == OpType.INVOKE;
    }

    public boolean isOk() {
        return type == OpType.OK;
    }

    public boolean isFail() {
        return type == OpType.FAIL;
    }

    public boolean isInfo() {
        return type == OpType.INFO;
    }

    public Op withIndex(long newIndex) {
        return new Op(newIndex, type, process, f, key, value, time, error);
    }

    public Op withValue(Object newValue) {
        return new Op(index, type, process, f, key, newValue, time, error);
    }

    public Op withType(OpType newType) {
        return new Op(index, newType, process, f, key, value, time, error);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{:index ").append(index)
                .append(", :type :").append(type.wireName())
                .append(", :process ").append(process == NEMESIS ? ":nemesis" : Long.toString(process))
                .append(", :f :").append(f);
        if (key != null) {
            b.append(", :key ").append(key);
        }
        b.append(", :value ").append(value == null ? "nil" : value);
        if (error != null) {
            b.append(", :error ").append(error);
        }
        return b.append('}').toString();
    }
}
