package io.lockbench.stress.scenario;

import io.lockbench.impl.catalog.Variant;
import io.lockbench.impl.db.Backend;
import io.lockbench.stress.checker.CheckerCatalog;
import io.lockbench.stress.client.ReferenceClients;
import io.lockbench.stress.nemesis.Nemeses;
import io.lockbench.stress.workload.WorkloadSpec;
import io.lockbench.stress.workload.Workloads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Fills a scenario's defaults in and checks every value, naming the field and what is allowed. */
public final class Scenarios {

    private static final Set<String> VERDICTS = Set.of("valid", "invalid");

    private Scenarios() {
    }

    /**
     * The scenario with every default explicit (a seed drawn if none was given), or a
     * {@link ScenarioException} naming {@code where}, the field and the allowed values.
     */
    public static Scenario resolve(Scenario s, String where) {
        if (s.variant() == null && s.client() == null) {
            throw error(where, "variant", "missing; a scenario runs a reference variant (" + variants()
                    + ") or a team's client class (client: com.example.MyClient)");
        }
        Variant variant = null;
        if (s.variant() != null && !s.variant().equals("custom")) {
            try {
                variant = Variant.parse(s.variant());
            } catch (IllegalArgumentException e) {
                throw error(where, "variant", "unknown variant '" + s.variant() + "'; valid: " + variants());
            }
        }
        String backend;
        try {
            backend = Backend.parse(s.backend() == null ? Scenario.DEFAULT_BACKEND : s.backend())
                    .name().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw error(where, "backend", "unknown backend '" + s.backend() + "'; valid: sqlite, postgresql");
        }
        String defaultType = variant == null ? null : ReferenceClients.workloadOf(variant.strategy());
        WorkloadSpec workload = (s.workload() == null ? new WorkloadSpec(null, null, null, null, null, null)
                : s.workload()).resolved(defaultType);
        if (workload.type() == null) {
            throw error(where, "workload.type", "missing; valid: " + String.join(", ", Workloads.TYPES));
        }
        if (variant != null && !workload.type().equals(defaultType)) {
            throw error(where, "workload.type", "variant " + variant.cliName() + " is exercised by the " + defaultType
                    + " workload, not " + workload.type());
        }
        try {
            Workloads.of(workload);
        } catch (IllegalArgumentException e) {
            throw error(where, "workload", e.getMessage());
        }
        int clients = s.clients() == null ? Scenario.DEFAULT_CLIENTS : s.clients();
        if (clients < 1 || clients > 1000) {
            throw error(where, "clients", "must be between 1 and 1000, was " + clients);
        }
        double rate = s.rate() == null ? 0 : s.rate();
        if (rate < 0 || Double.isNaN(rate)) {
            throw error(where, "rate", "operations per second over all clients, ≥ 0 (0: as fast as they go), was " + rate);
        }
        Duration duration = s.duration() == null ? Scenario.DEFAULT_DURATION : s.duration();
        if (duration.isZero() || duration.isNegative() || duration.compareTo(Duration.ofDays(1)) > 0) {
            throw error(where, "duration", "must be more than 0 and at most 24h, was " + Durations.format(duration));
        }
        long ops = s.ops() == null ? 0 : s.ops();
        if (ops < 0) {
            throw error(where, "ops", "a limit on operations, ≥ 0 (0: none), was " + ops);
        }
        List<FaultSpec> faults = new ArrayList<>();
        for (int i = 0; i < s.nemesis().size(); i++) {
            FaultSpec f = s.nemesis().get(i);
            if (f.fault() == null || !Nemeses.NAMES.contains(f.fault())) {
                throw error(where, "nemesis." + i + ".fault", (f.fault() == null ? "missing" : "unknown fault '"
                        + f.fault() + "'") + "; valid: " + String.join(", ", Nemeses.NAMES));
            }
            FaultSpec r = f.resolved();
            if (r.hold().isZero() || r.hold().isNegative()) {
                throw error(where, "nemesis." + i + ".hold", "must be more than 0");
            }
            if (r.start().isNegative() || r.heal().isNegative()) {
                throw error(where, "nemesis." + i, "start and heal must not be negative");
            }
            if (r.times() < 0) {
                throw error(where, "nemesis." + i + ".times", "must be ≥ 0 (0: until the run ends)");
            }
            faults.add(r);
        }
        for (String c : s.checkers()) {
            if (!CheckerCatalog.has(c)) {
                throw error(where, "checkers", "unknown checker '" + c + "'; valid: "
                        + String.join(", ", CheckerCatalog.models()));
            }
        }
        checkExpect(where, s.expect());
        long seed = s.seed() != null ? s.seed() : ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        return new Scenario(s.name(), s.description(), variant == null ? s.variant() : variant.cliName(), s.client(),
                backend, workload, clients, rate, duration, ops, faults, s.checkers(), seed, s.expect(), s.anomaly(),
                s.clientProcesses());
    }

    private static void checkExpect(String where, Object expect) {
        if (expect == null) {
            return;
        }
        if (expect instanceof String v) {
            if (!VERDICTS.contains(v)) {
                throw error(where, "expect", "'" + v + "'; valid: valid, invalid, or one per backend "
                        + "({sqlite: valid, postgresql: invalid})");
            }
            return;
        }
        if (expect instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String b = String.valueOf(e.getKey());
                if (!Set.of("sqlite", "postgresql", "postgres").contains(b)) {
                    throw error(where, "expect." + b, "unknown backend; valid: sqlite, postgresql");
                }
                if (!VERDICTS.contains(String.valueOf(e.getValue()))) {
                    throw error(where, "expect." + b, "'" + e.getValue() + "'; valid: valid, invalid");
                }
            }
            return;
        }
        throw error(where, "expect", "valid, invalid, or a map of backend to verdict");
    }

    private static String variants() {
        return String.join(", ", java.util.Arrays.stream(Variant.values()).map(Variant::cliName).toList());
    }

    private static ScenarioException error(String where, String field, String what) {
        return new ScenarioException(where + ": field '" + field + "': " + what);
    }
}
