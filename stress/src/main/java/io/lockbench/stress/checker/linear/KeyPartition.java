package io.lockbench.stress.checker.linear;

import io.lockbench.stress.history.History;
import io.lockbench.stress.history.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * P-compositionality: a history is linearizable iff each key's sub-history is, so the history is
 * split per key and each key checked alone (and in parallel). Only positions are stored — four
 * bytes per record — so splitting costs little next to the history itself.
 */
final class KeyPartition {

    /** One key's records. */
    record Part(Object key, int[] positions) {
    }

    private KeyPartition() {
    }

    /** Parts in descending size, so the largest keys start first and the parallel tail is short. */
    static List<Part> of(History history) {
        Map<Object, IntList> byKey = new HashMap<>();
        IntList noKey = null;
        for (int p = 0; p < history.size(); p++) {
            Op op = history.get(p);
            if (op.process() == Op.NEMESIS) {
                continue;
            }
            if (op.key() == null) {
                if (noKey == null) {
                    noKey = new IntList(1024);
                }
                noKey.add(p);
            } else {
                byKey.computeIfAbsent(op.key(), k -> new IntList()).add(p);
            }
        }
        List<Part> parts = new ArrayList<>(byKey.size() + 1);
        if (noKey != null) {
            parts.add(new Part(null, noKey.toArray()));
        }
        byKey.forEach((key, positions) -> parts.add(new Part(key, positions.toArray())));
        parts.sort((a, b) -> Integer.compare(b.positions().length, a.positions().length));
        return parts;
    }
}
