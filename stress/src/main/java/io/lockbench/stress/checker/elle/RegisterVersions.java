package io.lockbench.stress.checker.elle;

import io.lockbench.stress.checker.Anomaly;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who wrote each register value, and the part of each key's version order that can be known. A
 * register read shows one value, not a history, so unlike list-append the order is only partial;
 * as Elle's rw-register does, it is built from what is certain:
 *
 * <ul>
 *   <li>the initial state ({@code nil}) precedes every value written to the key;</li>
 *   <li>a transaction that read {@code v} and then wrote {@code v'} to the same key put
 *       {@code v'} after {@code v} (Elle's "writes follow reads" inference, its
 *       {@code :wfr-keys?} option, always on here: under read committed and above a transaction
 *       only reads committed versions, so its own write installs later);</li>
 *   <li>a transaction's successive writes to one key are in its own order: only the last is
 *       visible to others, the earlier ones are intermediate (G1b if read).</li>
 * </ul>
 * Values written are unique per key.
 */
final class RegisterVersions {

    private final Map<Element, Txn> writers = new HashMap<>();
    private final Map<Element, Txn> finalWriters = new HashMap<>();
    /** key to value (or {@link RegisterTxnView#INITIAL}) to the values known to come next. */
    private final Map<Object, Map<Object, Set<Object>>> next = new HashMap<>();

    private RegisterVersions() {
    }

    /** @throws IllegalArgumentException if a value is written twice to one key */
    static RegisterVersions of(List<RegisterTxnView> views) {
        RegisterVersions r = new RegisterVersions();
        for (RegisterTxnView v : views) {
            for (MicroOp m : v.txn.mops()) {
                if (m.append()) {
                    Txn earlier = r.writers.putIfAbsent(new Element(m.key(), m.value()), v.txn);
                    if (earlier != null) {
                        throw new IllegalArgumentException(v.txn.name() + ": value " + m.value() + " was already written "
                                + "to key " + m.key() + " by " + earlier.name() + "; written values must be unique per key");
                    }
                }
            }
            if (v.txn.failed()) {
                continue;
            }
            v.externalWrites.forEach((key, value) -> {
                r.finalWriters.put(new Element(key, value), v.txn);
                r.follows(key, RegisterTxnView.INITIAL, value);
                Object read = v.externalReads.get(key);
                if (read != null && read != RegisterTxnView.INITIAL) {
                    r.follows(key, read, value);
                }
            });
        }
        return r;
    }

    private void follows(Object key, Object before, Object after) {
        next.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(before, k -> new LinkedHashSet<>()).add(after);
    }

    /** The values known to come right after {@code value} (or the initial state) in the key's order. */
    Set<Object> next(Object key, Object value) {
        return next.getOrDefault(key, Map.of()).getOrDefault(value, Set.of());
    }

    /** Every (key, value, successors) of the known order. */
    Map<Object, Map<Object, Set<Object>>> order() {
        return next;
    }

    /** The transaction whose last write of {@code key} was {@code value}, if it did not fail. */
    Txn finalWriter(Object key, Object value) {
        return finalWriters.get(new Element(key, value));
    }

    /** The transaction that wrote {@code value} to {@code key} at all, whatever its outcome. */
    Txn writer(Object key, Object value) {
        return writers.get(new Element(key, value));
    }

    /**
     * What an external read shows by itself: {@code G1a} (a failed transaction's value),
     * {@code G1b} (a value its writer overwrote within the transaction), {@code future-read} (its
     * own value, written only later), {@code unwritten-value} (nobody wrote it).
     */
    List<Anomaly> readAnomalies(List<RegisterTxnView> views) {
        List<Anomaly> out = new ArrayList<>();
        for (RegisterTxnView v : views) {
            v.externalReads.forEach((key, value) -> {
                if (value == RegisterTxnView.INITIAL) {
                    return;
                }
                Txn r = v.txn;
                Txn w = writer(key, value);
                String read = r.name() + " read key " + key + " as " + value;
                if (w == null) {
                    out.add(new Anomaly(ReadAnomalies.UNWRITTEN_VALUE, read + ", which no transaction ever wrote",
                            List.of(r.evidence())));
                } else if (w == r) {
                    out.add(new Anomaly(InternalConsistency.FUTURE_READ, read + " before writing it itself",
                            List.of(r.evidence())));
                } else if (w.failed()) {
                    out.add(new Anomaly(ReadAnomalies.G1A, read + ", written by " + w.name() + " which failed",
                            KeyOrders.inHistoryOrder(w.evidence(), r.evidence())));
                } else if (finalWriter(key, value) != w) {
                    out.add(new Anomaly(ReadAnomalies.G1B, read + ", an intermediate state of " + w.name()
                            + " whose last write there was " + w.finalAppend(key),
                            KeyOrders.inHistoryOrder(w.evidence(), r.evidence())));
                }
            });
        }
        return out;
    }
}
