package io.lockbench.stress.checker.elle;

import io.lockbench.stress.checker.Anomaly;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code appends-reordered}: a transaction's appends to one key must enter the key's order in the
 * order it made them: those that reads show are its first ones, at rising positions. Elle draws
 * no dependency from a transaction to itself and so lets {@code [append x 1] [append x 2]} read
 * back as {@code [2 1]} (or as {@code [2]}) pass; no serial order can produce either, so lockbench
 * reports it, at every consistency model, as the one-transaction write cycle it is.
 */
final class OwnAppendOrder {

    static final String APPENDS_REORDERED = "appends-reordered";

    private OwnAppendOrder() {
    }

    static List<Anomaly> find(List<Txn> txns, KeyOrders orders) {
        List<Anomaly> out = new ArrayList<>();
        for (Txn t : txns) {
            if (t.failed()) {
                continue;
            }
            Map<Object, List<Object>> byKey = new LinkedHashMap<>();
            for (MicroOp m : t.mops()) {
                if (m.append()) {
                    byKey.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(m.value());
                }
            }
            byKey.forEach((key, values) -> {
                if (values.size() > 1 && orders.order(key) != null && !inOrder(values, key, orders)) {
                    List<Object> seen = new ArrayList<>();
                    for (Object v : values) {
                        seen.add(orders.position(key, v) < 0 ? "unread" : orders.position(key, v));
                    }
                    out.add(new Anomaly(APPENDS_REORDERED, t.name() + " appended " + values + " to key " + key
                            + " in that order, but reads place them at positions " + seen + " of "
                            + orders.order(key), List.of(t.evidence())));
                }
            });
        }
        return out;
    }

    private static boolean inOrder(List<Object> values, Object key, KeyOrders orders) {
        int previous = -1;
        boolean unread = false;
        for (Object v : values) {
            int p = orders.position(key, v);
            if (p < 0) {
                unread = true;
            } else if (unread || p < previous) {
                return false;
            } else {
                previous = p;
            }
        }
        return true;
    }
}
