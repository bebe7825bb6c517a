package io.lockbench.stress.checker.elle;

import io.lockbench.stress.checker.Anomaly;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one rw-register transaction shows to others, as Elle's {@code ext-reads} and
 * {@code ext-writes}: its first read of each key made before it wrote that key (what it saw of
 * others), and its last write of each key (what others can see); and what it shows about itself
 * ({@code internal}: a read that disagrees with its own earlier read or write of the key).
 */
final class RegisterTxnView {

    /** A value stands for itself; the initial state ({@code nil}) is this marker in maps. */
    static final Object INITIAL = new Object() {
        @Override
        public String toString() {
            return "nil";
        }
    };

    final Txn txn;
    /** Key to the value first read before any own write (INITIAL for nil); ok transactions only. */
    final Map<Object, Object> externalReads = new LinkedHashMap<>();
    /** Key to the last value written. */
    final Map<Object, Object> externalWrites = new LinkedHashMap<>();

    private RegisterTxnView(Txn txn) {
        this.txn = txn;
    }

    static RegisterTxnView of(Txn txn, List<Anomaly> internal) {
        RegisterTxnView v = new RegisterTxnView(txn);
        Map<Object, Object> known = new HashMap<>();
        for (MicroOp m : txn.mops()) {
            if (m.append()) {
                v.externalWrites.put(m.key(), m.value());
                known.put(m.key(), m.value());
                continue;
            }
            if (m.read() == null) {
                continue;
            }
            Object seen = m.registerValue() == null ? INITIAL : m.registerValue();
            Object expected = known.get(m.key());
            if (expected == null) {
                v.externalReads.put(m.key(), seen);
                known.put(m.key(), seen);
            } else if (!expected.equals(seen)) {
                internal.add(new Anomaly(InternalConsistency.INTERNAL, txn.name() + " read key " + m.key() + " as "
                        + seen + ", but it had already " + (v.externalWrites.containsKey(m.key()) ? "written" : "read")
                        + " " + expected + " there", List.of(txn.evidence())));
            }
        }
        return v;
    }

    static List<RegisterTxnView> of(List<Txn> txns, List<Anomaly> internal) {
        List<RegisterTxnView> out = new ArrayList<>(txns.size());
        for (Txn t : txns) {
            out.add(of(t, internal));
        }
        return out;
    }
}
