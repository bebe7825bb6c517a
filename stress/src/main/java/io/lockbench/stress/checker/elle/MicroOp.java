package io.lockbench.stress.checker.elle;

import java.util.List;

/**
 * One step of a list-append transaction: {@code [append k v]} or {@code [r k [v…]]}; or of an
 * rw-register one, {@code [w k v]} (an "append" that replaces) or {@code [r k v]} (read as the
 * list {@code []} for {@code nil}, the initial state, or {@code [v]}).
 *
 * @param append whether it appends (else it reads)
 * @param value  the appended value (appends only)
 * @param read   the list read, or {@code null} if not known (reads of transactions not ok)
 */
record MicroOp(boolean append, Object key, Object value, List<Object> read) {

    static MicroOp append(Object key, Object value) {
        return new MicroOp(true, key, value, null);
    }

    static MicroOp read(Object key, List<Object> read) {
        return new MicroOp(false, key, null, read);
    }

    /** A register read of {@code value} ({@code nil}: the initial state). */
    static MicroOp registerRead(Object key, Object value) {
        return new MicroOp(false, key, null, value == null ? List.of() : List.of(value));
    }

    /** The value a register read saw, {@code null} for the initial state. */
    Object registerValue() {
        return read == null || read.isEmpty() ? null : read.get(0);
    }
}
