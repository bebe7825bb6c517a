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
 *   <li>strict serializable: also every cycle that needs real-time order (the
 *       {@code -realtime} variants).</li>
 * </ul>
 * lockbench's own findings that Elle has no name for ({@code appends-reordered},
 * {@code wrong-key}, {@code unwritten-value}: a list no execution could produce) are forbidden at
 * every model, with read uncommitted.
 */
public enum ConsistencyModel {

    READ_UNCOMMITTED("read-uncommitted", Set.of(), Set.of("G0", "duplicate-elements", "appends-reordered",
            "wrong-key", "unwritten-value")),
    READ_COMMITTED("read-committed", Set.of(READ_UNCOMMITTED), Set.of("G1a", "G1b", "G1c", "incompatible-order",
            "dirty-update", "future-read")),
    REPEATABLE_READ("repeatable-read", Set.of(READ_COMMITTED), Set.of("G-single-item", "G-nonadjacent-item",
            "G2-item", "lost-update")),
    SNAPSHOT_ISOLATION("snapshot-isolation", Set.of(READ_COMMITTED), Set.of("internal", "G-single-item",
            "G-nonadjacent-item", "lost-update")),
    SERIALIZABLE("serializable", Set.of(REPEATABLE_READ, SNAPSHOT_ISOLATION), Set.of()),
    STRICT_SERIALIZABLE("strict-serializable", Set.of(SERIALIZABLE), Set.of("G0-realtime", "G1c-realtime",
            "G-single-item-realtime", "G-nonadjacent-item-realtime", "G2-item-realtime"));

    private final String cliName;
    private final Set<ConsistencyModel> implies;
    private final Set<String> forbids;

    ConsistencyModel(String cliName, Set<ConsistencyModel> directlyImplies, Set<String> directlyForbids) {
        this.cliName = cliName;
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

    /** Whether checking it needs real-time order between transactions. */
    public boolean realtime() {
        return this == STRICT_SERIALIZABLE;
    }

    /** Every model's command-line name, weakest first. */
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
