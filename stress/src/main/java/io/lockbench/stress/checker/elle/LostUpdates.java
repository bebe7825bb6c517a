package io.lockbench.stress.checker.elle;

import io.lockbench.stress.checker.Anomaly;
import io.lockbench.stress.history.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code lost-update}, as Elle finds it: two committed transactions read the same state of a key
 * (their first read of it) and then both wrote that key. Whichever wrote second did so without
 * the first's write: one update is lost, whatever the version order says (one may never be read).
 */
final class LostUpdates {

    static final String LOST_UPDATE = "lost-update";

    private LostUpdates() {
    }

    /** The state a transaction read of a key before writing it. */
    private record ReadThenWrite(Object key, Object state) {
    }

    /**
     * @param write     whether a micro-op writes its key
     * @param readState the state a read micro-op saw (a list, a register value), {@code null} if unknown
     */
    static List<Anomaly> find(List<Txn> txns, java.util.function.Predicate<MicroOp> write,
                              java.util.function.Function<MicroOp, Object> readState, String unit) {
        Map<ReadThenWrite, List<Txn>> collisions = new LinkedHashMap<>();
        for (Txn t : txns) {
            if (!t.ok()) {
                continue;
            }
            Map<Object, Object> firstRead = new HashMap<>();
            Set<Object> written = new HashSet<>();
            for (MicroOp m : t.mops()) {
                if (write.test(m)) {
                    if (written.add(m.key()) && firstRead.containsKey(m.key())) {
                        collisions.computeIfAbsent(new ReadThenWrite(m.key(), firstRead.get(m.key())),
                                k -> new ArrayList<>()).add(t);
                    }
                } else if (!written.contains(m.key()) && readState.apply(m) != null) {
                    firstRead.putIfAbsent(m.key(), readState.apply(m));
                }
            }
        }
        List<Anomaly> out = new ArrayList<>();
        collisions.forEach((rw, writers) -> {
            if (writers.size() < 2) {
                return;
            }
            List<String> names = writers.stream().map(Txn::name).toList();
            Op[] ops = writers.stream().map(Txn::evidence).toArray(Op[]::new);
            out.add(new Anomaly(LOST_UPDATE, String.join(" and ", names) + " all read key " + rw.key() + " as "
                    + rw.state() + " and then " + unit + " it: each wrote without the others' update",
                    KeyOrders.inHistoryOrder(ops)));
        });
        return out;
    }
}
