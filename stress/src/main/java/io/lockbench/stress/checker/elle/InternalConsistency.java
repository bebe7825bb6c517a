package io.lockbench.stress.checker.elle;

import io.lockbench.stress.checker.Anomaly;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one transaction shows about itself, as Elle's {@code internal-cases}:
 * {@code internal}: a read must agree with its own earlier reads and appends (a read after
 * {@code [r x [1]] [append x 2]} must be {@code [1 2]}); {@code future-read}: a read saw an
 * element the transaction itself appends only later.
 */
final class InternalConsistency {

    static final String INTERNAL = "internal";
    static final String FUTURE_READ = "future-read";

    private InternalConsistency() {
    }

    /** What the transaction knows about a key: the whole list, or only what it appended since. */
    private static final class Known {
        List<Object> whole;
        final List<Object> appended = new ArrayList<>();
    }

    static List<Anomaly> find(List<Txn> txns) {
        List<Anomaly> out = new ArrayList<>();
        for (Txn t : txns) {
            if (t.ok()) {
                check(t, out);
                futureRead(t, out);
            }
        }
        return out;
    }

    private static void check(Txn t, List<Anomaly> out) {
        Map<Object, Known> known = new HashMap<>();
        for (MicroOp m : t.mops()) {
            Known k = known.computeIfAbsent(m.key(), key -> new Known());
            if (m.append()) {
                if (k.whole != null) {
                    k.whole.add(m.value());
                } else {
                    k.appended.add(m.value());
                }
                continue;
            }
            if (m.read() == null) {
                continue;
            }
            String expected = null;
            if (k.whole != null && !k.whole.equals(m.read())) {
                expected = k.whole.toString();
            } else if (k.whole == null && !endsWith(m.read(), k.appended)) {
                expected = "a list ending in " + k.appended;
            }
            if (expected != null) {
                out.add(new Anomaly(INTERNAL, t.name() + " read key " + m.key() + " as " + m.read()
                        + " but its own earlier steps imply " + expected, List.of(t.evidence())));
                return;
            }
            k.whole = new ArrayList<>(m.read());
            k.appended.clear();
        }
    }

    private static void futureRead(Txn t, List<Anomaly> out) {
        Map<Object, java.util.Set<Object>> seen = new HashMap<>();
        for (MicroOp m : t.mops()) {
            if (m.append()) {
                if (seen.getOrDefault(m.key(), java.util.Set.of()).contains(m.value())) {
                    out.add(new Anomaly(FUTURE_READ, t.name() + " read " + m.value() + " in key " + m.key()
                            + " before it appended " + m.value() + " there itself", List.of(t.evidence())));
                    return;
                }
            } else if (m.read() != null) {
                seen.computeIfAbsent(m.key(), k -> new java.util.HashSet<>()).addAll(m.read());
            }
        }
    }

    private static boolean endsWith(List<Object> list, List<Object> suffix) {
        int offset = list.size() - suffix.size();
        return offset >= 0 && list.subList(offset, list.size()).equals(suffix);
    }
}
