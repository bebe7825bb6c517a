package io.lockbench.impl.catalog;

import io.lockbench.impl.agent.AgentScopedContext;
import io.lockbench.impl.agent.GlobalLastWriterWinsContext;
import io.lockbench.impl.claims.CheckThenInsertClaimStore;
import io.lockbench.impl.claims.PessimisticClaimStore;
import io.lockbench.impl.claims.UnfencedClaimStore;
import io.lockbench.impl.optimistic.CheckContentAfterWriteStore;
import io.lockbench.impl.optimistic.OptimisticStore;
import io.lockbench.impl.optimistic.VerifyAfterWriteStore;
import io.lockbench.impl.sequence.ConstrainedFileVersions;
import io.lockbench.impl.sequence.MaxPlusOneFileVersions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every implementation lockbench ships, correct or broken, with what it is expected to do. The
 * detection table (every broken variant is flagged, every correct one passes) is generated from
 * these declarations, as jcstress grades outcomes that each test declares.
 */
public enum Variant {
    OPTIMISTIC(Strategy.OPTIMISTIC_RETRY, OptimisticStore.class, null,
            "conditional UPDATE … WHERE version = ?; a row count of 0 means re-read and retry with jittered backoff"),
    VERIFY_AFTER_WRITE(Strategy.OPTIMISTIC_RETRY, VerifyAfterWriteStore.class, ExpectedAnomaly.LOST_UPDATE,
            "UPDATE … SET version = <read + 1> without a condition, then re-reads to check the version: two writers both verify"),
    CHECK_CONTENT_AFTER_WRITE(Strategy.OPTIMISTIC_RETRY, CheckContentAfterWriteStore.class,
            ExpectedAnomaly.FAILED_UPDATE_APPLIED,
            "UPDATE … SET version = version + 1 without a condition, then re-reads to find its content: a later writer makes it fail an applied update"),

    CONSTRAINED_SEQUENCE(Strategy.UNIQUE_SEQUENCING, ConstrainedFileVersions.class, null,
            "UNIQUE(file_id, version), next version computed inside the inserting transaction, violations retried"),
    MAX_PLUS_ONE(Strategy.UNIQUE_SEQUENCING, MaxPlusOneFileVersions.class, ExpectedAnomaly.DUPLICATE_VERSION,
            "reads MAX(version)+1 outside the inserting transaction, into a table without the constraint"),

    PESSIMISTIC_CLAIMS(Strategy.PESSIMISTIC_CLAIMS, PessimisticClaimStore.class, null,
            "partial unique index on active claims, heartbeats, stale takeover, fencing tokens checked by the resource"),
    CHECK_THEN_INSERT(Strategy.PESSIMISTIC_CLAIMS, CheckThenInsertClaimStore.class, ExpectedAnomaly.TWO_ACTIVE_CLAIMS,
            "checks for an active claim, then inserts one, with no index to stop a second"),
    UNFENCED_CLAIMS(Strategy.PESSIMISTIC_CLAIMS, UnfencedClaimStore.class, ExpectedAnomaly.STALE_HOLDER_WRITE,
            "claims like the correct store, but the resource ignores the fencing token"),

    AGENT_SCOPED(Strategy.AGENT_CONTEXT, AgentScopedContext.class, null,
            "per-agent leases and current project set by compare-and-set on the expected version"),
    GLOBAL_LAST_WRITER_WINS(Strategy.AGENT_CONTEXT, GlobalLastWriterWinsContext.class,
            ExpectedAnomaly.OVERWRITTEN_SELECTION, "one global state row that every agent overwrites");

    private final Strategy strategy;
    private final Class<?> implementation;
    private final ExpectedAnomaly expectedAnomaly;
    private final String mechanism;

    Variant(Strategy strategy, Class<?> implementation, ExpectedAnomaly expectedAnomaly, String mechanism) {
        this.strategy = strategy;
        this.implementation = implementation;
        this.expectedAnomaly = expectedAnomaly;
        this.mechanism = mechanism;
    }

    public Strategy strategy() {
        return strategy;
    }

    public Class<?> implementation() {
        return implementation;
    }

    /** Empty for a correct variant: it must pass every checker under every fault. */
    public Optional<ExpectedAnomaly> expectedAnomaly() {
        return Optional.ofNullable(expectedAnomaly);
    }

    public boolean isBroken() {
        return expectedAnomaly != null;
    }

    /** How it works (or how it goes wrong), in one line. */
    public String mechanism() {
        return mechanism;
    }

    /** The command-line spelling: {@code verify-after-write}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static List<Variant> of(Strategy strategy) {
        return Arrays.stream(values()).filter(v -> v.strategy == strategy).toList();
    }

    public static Variant parse(String name) {
        for (Variant v : values()) {
            if (v.cliName().equals(name) || v.name().equalsIgnoreCase(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown variant '" + name + "'; valid: "
                + String.join(", ", Arrays.stream(values()).map(Variant::cliName).toList()));
    }
}
