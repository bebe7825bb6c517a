package io.lockbench.stress.checker.elle;

import io.lockbench.stress.checker.Anomaly;
import io.lockbench.stress.checker.RealTimeOrder;
import io.lockbench.stress.checker.elle.KeyOrders.Observation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code lost}: an append acknowledged ok that no read of its key includes, although at least one
 * read of that key began after the append completed. Appends of unknown outcome are never lost.
 *
 * <p>Reads of a key are prefixes of its order, so an element at position p is in a read iff the
 * read is longer than p: per key, the longest read among those that began after a given moment is
 * a suffix maximum over reads sorted by start.
 */
final class LostAppends {

    static final String LOST = "lost";

    private LostAppends() {
    }

    static List<Anomaly> find(List<Txn> txns, KeyOrders orders, RealTimeOrder order) {
        Map<Object, List<Observation>> readsByKey = orders.readsByKey();
        Map<Object, LaterReads> later = new java.util.HashMap<>();
        List<Anomaly> out = new ArrayList<>();
        for (Txn w : txns) {
            if (!w.ok()) {
                continue;
            }
            int done = order.completed(w.operation());
            for (MicroOp m : w.mops()) {
                if (!m.append() || orders.order(m.key()) == null) {
                    continue;
                }
                LaterReads reads = later.computeIfAbsent(m.key(), k -> new LaterReads(readsByKey.get(k), order));
                Observation longest = reads.longestStartedAfter(done);
                int position = orders.position(m.key(), m.value());
                if (longest != null && (position < 0 || longest.values().size() <= position)) {
                    out.add(new Anomaly(LOST, "key " + m.key() + ": " + w.name() + " appended " + m.value()
                            + " and completed ok, but no read that began afterwards includes it (the longest, by "
                            + longest.reader().name() + ", is " + longest.values() + ")",
                            KeyOrders.inHistoryOrder(w.evidence(), longest.reader().evidence())));
                }
            }
        }
        return out;
    }

    /** The reads of one key by start, with the longest read from each one onwards. */
    private static final class LaterReads {
        private final int[] starts;
        private final Observation[] longestFrom;

        LaterReads(List<Observation> reads, RealTimeOrder order) {
            List<Observation> byStart = new ArrayList<>(reads);
            byStart.sort(Comparator.comparingInt(o -> order.invoked(o.reader().operation())));
            starts = new int[byStart.size()];
            longestFrom = new Observation[byStart.size()];
            Observation best = null;
            for (int i = byStart.size() - 1; i >= 0; i--) {
                Observation o = byStart.get(i);
                starts[i] = order.invoked(o.reader().operation());
                if (best == null || o.values().size() > best.values().size()) {
                    best = o;
                }
                longestFrom[i] = best;
            }
        }

        Observation longestStartedAfter(int moment) {
            int lo = 0;
            int hi = starts.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (starts[mid] <= moment) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo < starts.length ? longestFrom[lo] : null;
        }
    }
}
