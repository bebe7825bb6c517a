package io.lockbench.stress.checker.elle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The transactional consistency models {@code --consistency-models} offers, each with the
 * anomalies it forbids, as Elle's table of models has them (its {@code consistency-model}
 * namespace: a model forbids what it directly proscribes, what the models it implies proscribe,
 * and every anomaly that implies one of those). Restricted to the anomalies lockbench finds:
 *
 * <ul>
 *   <li>read uncommitted: G0 and duplicate elements;</li>
 *   <li>read committed: also G1a, G1b, G1c (and what implies them: incompatible-order,
 *       dirty-update, future-read);</li>
 *   <li>repeatable read: also G-single-item, G-nonadjacent-item, G2-item, lost-update;</li>
 *   <li>snapshot isolation: read committed's, plus internal, G-single-item, G-nonadjacent-item
 *       and lost-update; G2-item (write skew) is allowed;</li>
 *   <li>serializable: the union of repeatable read and snapshot isolation;</li>
 *   <li>the strong session models (Elle's {@code strong-session-PL-1}, {@code -PL-2},
 *       {@code strong-session-snapshot-isolation}, {@code strong-session-serializable}): their
 *       plain model's anomalies, plus the cycles that need process order ({@code -process}):
 *       G0-process; also G1c-process; also G-single-item-process and
 *       G-nonadjacent-item-process (Elle's G-nonadjacent-process); also G2-item-process (Elle's
 *       G2-process);</li>
 *   <li>strict serializable: serializable and strong session serializable (a process's order is
 *       part of real-time order), plus every cycle that needs real-time order ({@code -realtime}).</li>
 * </ul>
 * lockbench's own findings that Elle has no name for ({@code appends-reordered},
 * {@code wrong-key}, {@code unwritten-value}: a list no execution could produce) are forbidden at
 * every model, with read uncommitted.
 */
public enum ConsistencyModel {

    READ_UNCOMMITTED("read-uncommitted", TxnOrder.NONE, Set.of(), Set.of("G0", "duplicate-elements",
            "appends-reordered", "wrong-key", "unwritten-value")),
    READ_COMMITTED("read-committed", TxnOrder.NONE, Set.of(READ_UNCOMMITTED), Set.of("G1a", "G1b", "G1c",
            "incompatible-order", "dirty-update", "future-read")),
    REPEATABLE_READ("repeatable-read", TxnOrder.NONE, Set.of(READ_COMMITTED), Set.of("G-single-item",
            "G-nonadjacent-item", "G2-item", "lost-update")),
    SNAPSHOT_ISOLATION("snapshot-isolation", TxnOrder.NONE, Set.of(READ_COMMITTED), Set.of("internal",
            "G-single-item", "G-nonadjacent-item", "lost-update")),
    SERIALIZABLE("serializable", TxnOrder.NONE, Set.of(REPEATABLE_READ, SNAPSHOT_ISOLATION), Set.of()),
    STRONG_SESSION_READ_UNCOMMITTED("strong-session-read-uncommitted", TxnOrder.PROCESS,
            Set.of(READ_UNCOMMITTED), Set.of("G0-process")),
    STRONG_SESSION_READ_COMMITTED("strong-session-read-committed", TxnOrder.PROCESS,
            Set.of(READ_COMMITTED, STRONG_SESSION_READ_UNCOMMITTED), Set.of("G1c-process")),
    STRONG_SESSION_SNAPSHOT_ISOLATION("strong-session-snapshot-isolation", TxnOrder.PROCESS,
            Set.of(SNAPSHOT_ISOLATION, STRONG_SESSION_READ_COMMITTED),
            Set.of("G-single-item-process", "G-nonadjacent-item-process")),
    STRONG_SESSION_SERIALIZABLE("strong-session-serializable", TxnOrder.PROCESS,
            Set.of(SERIALIZABLE, STRONG_SESSION_SNAPSHOT_ISOLATION), Set.of("G2-item-process")),
    STRICT_SERIALIZABLE("strict-serializable", TxnOrder.REALTIME, Set.of(SERIALIZABLE, STRONG_SESSION_SERIALIZABLE),
            Set.of("G0-realtime", "G1c-realtime", "G-single-item-realtime", "G-nonadjacent-item-realtime",
                    "G2-item-realtime"));

    private final String cliName;
    private final TxnOrder order;
    private final Set<ConsistencyModel> implies;
    private final Set<String> forbids;

    ConsistencyModel(String cliName, TxnOrder order, Set<ConsistencyModel> directlyImplies,
                     Set<String> directlyForbids) {
        this.cliName = cliName;
        this.order = order;
        Set<ConsistencyModel> implied = new LinkedHashSet<>();
        Set<String> forbidden = new LinkedHashSet<>(directlyForbids);
        for (ConsistencyModel weaker : directlyImplies) {
            implied.add(weaker);
            implied.addAll(weaker.implies);
            forbidden.addAll(weaker.forbids);
        }
        this.implies = Collections.unmodifiableSet(implied);
        this.forbids = Collections.unmodifiableSet(forbidden);
    }

    public String cliName() {
        return cliName;
    }

    /** The weaker models every history that satisfies this one satisfies too. */
    public Set<ConsistencyModel> implies() {
        return implies;
    }

    /** Anomaly types a history that satisfies this model cannot have. */
    public Set<String> forbids() {
        return forbids;
    }

    /** The order between transactions, beyond data dependencies, that checking it needs. */
    TxnOrder order() {
        return order;
    }

    /** Every model's command-line name: the plain ones weakest first, then the strong session ones, then strict. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (ConsistencyModel m : values()) {
            out.add(m.cliName);
        }
        return out;
    }

    /**
     * Models as {@code --consistency-models} takes them: names separated by commas.
     *
     * @throws IllegalArgumentException naming the unknown name and the valid ones
     */
    public static Set<ConsistencyModel> parse(String list) {
        Set<ConsistencyModel> out = EnumSet.noneOf(ConsistencyModel.class);
        for (String name : list.split(",")) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            if (n.startsWith(":")) {
                n = n.substring(1); // as Elle's keywords are written
            }
            ConsistencyModel found = null;
            for (ConsistencyModel m : values()) {
                if (m.cliName.equals(n)) {
                    found = m;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("unknown consistency model '" + name.trim() + "' (expected "
                        + String.join(", ", names()) + ", or several separated by commas)");
            }
            out.add(found);
        }
        return out;
    }

    /** Comma-separated command-line names. */
    public static String describe(Set<ConsistencyModel> models) {
        List<String> out = new ArrayList<>();
        models.forEach(m -> out.add(m.cliName));
        return String.join(", ", out);
    }
}
