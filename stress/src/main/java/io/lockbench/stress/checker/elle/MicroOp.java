package io.lockbench.stress.checker.elle;

import java.util.List;

/**
 * One step of a list-append transaction: {@code [append k v]} or {@code [r k [v…]]}.
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
}
