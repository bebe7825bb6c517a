package io.lockbench.stress.checker.elle;

import io.lockbench.stress.checker.Anomaly;
import io.lockbench.stress.checker.elle.KeyOrders.Observation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a single read shows without the dependency graph.
 *
 * <ul>
 *   <li>{@code G1a} (aborted read): it saw an element appended by a failed transaction;</li>
 *   <li>{@code G1b} (intermediate read): it ends with an element another transaction appended to
 *       the key before its own final append there: a state that transaction never committed;</li>
 *   <li>{@code wrong-key}: it saw an element that was appended to another key (for agent logs: an
 *       entry crossed into another agent's log);</li>
 *   <li>{@code unwritten-value}: it saw an element nobody appended anywhere.</li>
 * </ul>
 */
final class ReadAnomalies {

    static final String G1A = "G1a";
    static final String G1B = "G1b";
    static final String WRONG_KEY = "wrong-key";
    static final String UNWRITTEN_VALUE = "unwritten-value";

    private ReadAnomalies() {
    }

    static List<Anomaly> find(KeyOrders orders, Appends appends) {
        List<Anomaly> out = new ArrayList<>();
        Set<Object> reported = new HashSet<>();
        for (List<Observation> reads : orders.readsByKey().values()) {
            for (Observation o : reads) {
                for (Object v : o.values()) {
                    unsupported(o, v, appends, reported, out);
                }
                intermediate(o, appends, out);
            }
        }
        return out;
    }

    /** Reports each aborted (reader, writer) pair and each unsupported element once. */
    private static void unsupported(Observation o, Object v, Appends appends, Set<Object> reported,
                                    List<Anomaly> out) {
        Txn w = appends.writer(o.key(), v);
        if (w != null && !w.failed()) {
            return;
        }
        String read = o.reader().name() + " read " + v + " in key " + o.key();
        if (w != null) {
            if (reported.add(List.of(G1A, o.reader().id(), w.id()))) {
                out.add(new Anomaly(G1A, read + ", appended by " + w.name() + " which failed",
                        KeyOrders.inHistoryOrder(w.evidence(), o.reader().evidence())));
            }
            return;
        }
        if (!reported.add(new Element(o.key(), v))) {
            return;
        }
        Element other = appends.elsewhere(o.key(), v);
        if (other != null) {
            Txn appender = appends.writer(other.key(), other.value());
            out.add(new Anomaly(WRONG_KEY, read + ", but " + v + " was appended to key " + other.key() + " (by "
                    + appender.name() + "), never to key " + o.key(),
                    KeyOrders.inHistoryOrder(appender.evidence(), o.reader().evidence())));
        } else {
            out.add(new Anomaly(UNWRITTEN_VALUE, read + ", which no transaction ever appended",
                    List.of(o.reader().evidence())));
        }
    }

    private static void intermediate(Observation o, Appends appends, List<Anomaly> out) {
        if (o.values().isEmpty()) {
            return;
        }
        Object last = o.values().get(o.values().size() - 1);
        Txn w = appends.writer(o.key(), last);
        if (w == null || w.failed() || w == o.reader()) {
            return;
        }
        Object committed = w.finalAppend(o.key());
        if (!java.util.Objects.equals(last, committed)) {
            out.add(new Anomaly(G1B, o.reader().name() + " read key " + o.key() + " ending in " + last + ", an "
                    + "intermediate state of " + w.name() + " whose final append to that key was " + committed,
                    KeyOrders.inHistoryOrder(w.evidence(), o.reader().evidence())));
        }
    }
}
