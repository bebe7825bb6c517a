package io.lockbench.stress.checker.elle;

import io.lockbench.stress.checker.Anomaly;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code dirty-update}, as Elle finds it: in a key's order, an append of a failed transaction is
 * followed by one of a committed transaction, which so built on a state that was never committed.
 * Appends of unknown outcome in between neither start nor end such a run.
 */
final class DirtyUpdates {

    static final String DIRTY_UPDATE = "dirty-update";

    private DirtyUpdates() {
    }

    static List<Anomaly> find(KeyOrders orders, Appends appends) {
        List<Anomaly> out = new ArrayList<>();
        for (Object key : orders.readsByKey().keySet()) {
            List<Object> order = orders.order(key);
            if (order == null) {
                continue;
            }
            Txn aborted = null;
            Object abortedValue = null;
            for (Object v : order) {
                Txn w = appends.writer(key, v);
                if (w == null) {
                    continue;
                }
                if (w.failed()) {
                    if (aborted == null) {
                        aborted = w;
                        abortedValue = v;
                    }
                } else if (w.ok()) {
                    if (aborted != null) {
                        out.add(new Anomaly(DIRTY_UPDATE, "key " + key + ": " + w.name() + " appended " + v
                                + " after " + abortedValue + " of " + aborted.name() + ", which failed",
                                KeyOrders.inHistoryOrder(aborted.evidence(), w.evidence())));
                    }
                    aborted = null;
                }
            }
        }
        return out;
    }
}
