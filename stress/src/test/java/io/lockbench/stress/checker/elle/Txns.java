package io.lockbench.stress.checker.elle;

import io.lockbench.stress.checker.HistoryScript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds list-append transaction values for tests, in Jepsen's shape. */
final class Txns {

    private Txns() {
    }

    static List<Object> append(Object key, Object value) {
        return Arrays.asList("append", key, value);
    }

    /** A read that saw {@code values}. */
    static List<Object> r(Object key, Object... values) {
        return Arrays.asList("r", key, List.of(values));
    }

    /** A transaction's micro-ops, each built by {@link #append} or {@link #r}. */
    static List<Object> txn(Object... mops) {
        return List.of(mops);
    }

    /** The invocation's value: the same micro-ops with every read list nil. */
    static List<Object> invocation(List<Object> txn) {
        List<Object> out = new ArrayList<>();
        for (Object step : txn) {
            List<?> mop = (List<?>) step;
            out.add("r".equals(mop.get(0)) ? Arrays.asList("r", mop.get(1), null) : mop);
        }
        return out;
    }

    static HistoryScript invoke(HistoryScript h, long process, List<Object> txn) {
        return h.invoke(process, "txn", null, invocation(txn));
    }

    /** A whole ok transaction with nothing concurrent. */
    static HistoryScript ok(HistoryScript h, long process, List<Object> txn) {
        return invoke(h, process, txn).ok(process, txn);
    }
}
