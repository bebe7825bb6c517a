package io.lockbench.stress.checker.elle;

import io.lockbench.stress.checker.Anomaly;
import io.lockbench.stress.history.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The version order of each key, inferred from its reads: every read of a key must be a prefix of
 * its longest read, which then is the order in which the key's elements were appended.
 *
 * <p>A key whose reads contradict each other ({@code incompatible-order}) or repeat an element
 * ({@code duplicated}) has no trustworthy order: it gets no ww or rw dependencies and no lost-append
 * check, only the anomaly that says why.
 */
final class KeyOrders {

    static final String INCOMPATIBLE_ORDER = "incompatible-order";
    static final String DUPLICATED = "duplicate-elements";

    /** One read of one key by an ok transaction. */
    record Observation(Txn reader, Object key, List<Object> values) {
    }

    private final Map<Object, List<Observation>> readsByKey = new LinkedHashMap<>();
    private final Map<Object, List<Object>> orders = new HashMap<>();
    private final Map<Object, Map<Object, Integer>> positions = new HashMap<>();
    private final List<Anomaly> anomalies = new ArrayList<>();
    private final Set<Object> untrusted = new java.util.HashSet<>();

    private KeyOrders() {
    }

    static KeyOrders infer(List<Txn> txns, Appends appends) {
        KeyOrders k = new KeyOrders();
        for (Txn t : txns) {
            if (!t.ok()) {
                continue;
            }
            for (MicroOp m : t.mops()) {
                if (!m.append() && m.read() != null) {
                    k.readsByKey.computeIfAbsent(m.key(), key -> new ArrayList<>())
                            .add(new Observation(t, m.key(), m.read()));
                }
            }
        }
        k.readsByKey.forEach((key, reads) -> k.order(key, reads, appends));
        return k;
    }

    private void order(Object key, List<Observation> reads, Appends appends) {
        boolean clean = true;
        for (Observation o : reads) {
            clean &= !duplicated(o, appends);
        }
        Observation longest = reads.get(0);
        for (Observation o : reads) {
            if (o.values().size() > longest.values().size()) {
                longest = o;
            }
        }
        for (Observation o : reads) {
            if (!isPrefix(o.values(), longest.values())) {
                anomalies.add(new Anomaly(INCOMPATIBLE_ORDER, "key " + key + ": " + o.reader().name() + " read "
                        + o.values() + " and " + longest.reader().name() + " read " + longest.values()
                        + "; neither is a prefix of the other, so the key has no single order of appends",
                        inHistoryOrder(o.reader().evidence(), longest.reader().evidence())));
                clean = false;
                break;
            }
        }
        if (!clean) {
            untrusted.add(key);
            return;
        }
        List<Object> order = longest.values();
        Map<Object, Integer> position = new HashMap<>(order.size() * 2);
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        orders.put(key, order);
        positions.put(key, position);
    }

    private boolean duplicated(Observation o, Appends appends) {
        Set<Object> seen = new java.util.HashSet<>();
        Set<Object> twice = new LinkedHashSet<>();
        for (Object v : o.values()) {
            if (!seen.add(v)) {
                twice.add(v);
            }
        }
        if (twice.isEmpty()) {
            return false;
        }
        List<Op> evidence = new ArrayList<>(List.of(o.reader().evidence()));
        for (Object v : twice) {
            Txn w = appends.writer(o.key(), v);
            if (w != null) {
                evidence.add(w.evidence());
            }
        }
        anomalies.add(new Anomaly(DUPLICATED, "key " + o.key() + ": " + o.reader().name() + " read " + twice
                + " more than once in " + o.values(), inHistoryOrder(evidence.toArray(Op[]::new))));
        return true;
    }

    private static boolean isPrefix(List<Object> shorter, List<Object> longer) {
        for (int i = 0; i < shorter.size(); i++) {
            if (!java.util.Objects.equals(shorter.get(i), longer.get(i))) {
                return false;
            }
        }
        return true;
    }

    static List<Op> inHistoryOrder(Op... ops) {
        List<Op> out = new ArrayList<>(new LinkedHashSet<>(List.of(ops)));
        out.sort(java.util.Comparator.comparingLong(Op::index));
        return out;
    }

    Map<Object, List<Observation>> readsByKey() {
        return readsByKey;
    }

    /** The key's order of appends, or {@code null} if it has none to trust. */
    List<Object> order(Object key) {
        return orders.get(key);
    }

    /**
     * The key's order as far as reads show it: empty for a key nobody read, {@code null} if its
     * reads contradict each other.
     */
    List<Object> observedOrder(Object key) {
        if (untrusted.contains(key)) {
            return null;
        }
        return orders.getOrDefault(key, List.of());
    }

    /** The position of {@code value} in the key's order, or -1 (unread, or no order). */
    int position(Object key, Object value) {
        Map<Object, Integer> p = positions.get(key);
        Integer i = p == null ? null : p.get(value);
        return i == null ? -1 : i;
    }

    List<Anomaly> anomalies() {
        return anomalies;
    }
}
