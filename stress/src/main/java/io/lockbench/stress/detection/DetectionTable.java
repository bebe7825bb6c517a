package io.lockbench.stress.detection;

import io.lockbench.impl.catalog.ExpectedAnomaly;
import io.lockbench.impl.catalog.Strategy;
import io.lockbench.impl.catalog.Variant;
import io.lockbench.impl.db.Backend;
import io.lockbench.stress.client.ReferenceClients;
import io.lockbench.stress.scenario.FaultSpec;
import io.lockbench.stress.scenario.Scenario;
import io.lockbench.stress.scenario.ScenarioFiles;
import io.lockbench.stress.workload.WorkloadSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The detection table, generated from {@link Variant}'s declarations as jcstress generates its
 * outcomes table: every variant under every fault that matters for its strategy, on each backend
 * where the fault can be injected. A correct variant must be valid; a broken twin must be invalid
 * with the anomaly it declares, wherever its mistake can show. Each row is a short seeded scenario,
 * written to {@code scenarios/detection/<variant>--<fault>.yaml}.
 */
public final class DetectionTable {

    /** The "fault" of a row that injects none: the race alone. */
    public static final String NO_FAULT = "none";

    /**
     * One row.
     *
     * @param variant  the implementation
     * @param fault    the fault injected, or {@link #NO_FAULT}
     * @param backends where the row runs
     */
    public record Row(Variant variant, String fault, List<Backend> backends) {

        public String fileName() {
            return variant.cliName() + "--" + fault + ".yaml";
        }

        /** The verdict the row must get: invalid for a broken twin, valid for a correct variant. */
        public String expected() {
            return variant.isBroken() ? "invalid" : "valid";
        }
    }

    private DetectionTable() {
    }

    public static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Variant v : Variant.values()) {
            for (String fault : faults(v.strategy())) {
                if (v.isBroken() && !showsUnder(v, fault)) {
                    continue;
                }
                rows.add(new Row(v, fault, backendsFor(fault)));
            }
        }
        return rows;
    }

    /** The faults that matter for a strategy: what breaks its connections, its locks or its holders. */
    static List<String> faults(Strategy s) {
        return switch (s) {
            case OPTIMISTIC_RETRY -> List.of(NO_FAULT, "kill-connections", "lock-holder", "proxy-reset");
            case UNIQUE_SEQUENCING -> List.of(NO_FAULT, "kill-connections", "lock-holder", "proxy-reset", "crash-process");
            case PESSIMISTIC_CLAIMS -> List.of(NO_FAULT, "pause-client", "kill-connections", "clock-skew");
            case AGENT_CONTEXT -> List.of(NO_FAULT, "kill-connections");
        };
    }

    /**
     * Whether a broken twin's mistake can show under {@code fault}: most need only concurrency; the
     * unfenced store needs a holder to pause past the stale threshold while another takes over.
     */
    static boolean showsUnder(Variant v, String fault) {
        return v != Variant.UNFENCED_CLAIMS || fault.equals("pause-client");
    }

    static List<Backend> backendsFor(String fault) {
        return switch (fault) {
            case "lock-holder", "crash-process" -> List.of(Backend.SQLITE);
            case "proxy-reset" -> List.of(Backend.POSTGRESQL);
            default -> List.of(Backend.SQLITE, Backend.POSTGRESQL);
        };
    }

    /** The anomaly type a checker reports when a broken twin shows its declared anomaly. */
    public static String anomalyType(ExpectedAnomaly a) {
        return switch (a) {
            // A failed update that is in the data: a later read returns a value no ok write gave.
            case LOST_UPDATE, FAILED_UPDATE_APPLIED, OVERWRITTEN_SELECTION -> "nonlinearizable";
            case DUPLICATE_VERSION -> "duplicate-version";
            case TWO_ACTIVE_CLAIMS -> "two-holders";
            case STALE_HOLDER_WRITE -> "stale-holder-wrote";
        };
    }

    /** The row's scenario, seeded, on SQLite unless overridden. */
    public static Scenario scenario(Row row) {
        Variant v = row.variant();
        Map<String, String> settings = new LinkedHashMap<>();
        int keys = 2;
        Duration duration = Duration.ofSeconds(3);
        switch (v.strategy()) {
            case PESSIMISTIC_CLAIMS -> {
                keys = 1;
                duration = Duration.ofSeconds(4);
                settings.put("stale-after", "500ms");
                if (v == Variant.CHECK_THEN_INSERT) {
                    settings.put("think-time", "2ms");
                }
            }
            case OPTIMISTIC_RETRY, UNIQUE_SEQUENCING -> {
                if (v.isBroken()) {
                    settings.put("think-time", "1ms");
                }
            }
            case AGENT_CONTEXT -> {
            }
        }
        List<FaultSpec> nemesis = new ArrayList<>();
        switch (row.fault()) {
            case "kill-connections" -> nemesis.add(fault("kill-connections", "1s", "100ms", "700ms", Map.of()));
            case "proxy-reset" -> nemesis.add(fault("proxy-reset", "1s", "100ms", "700ms", Map.of()));
            case "pause-client" -> nemesis.add(fault("pause-client", "1s", "2s", "500ms",
                    ordered("targets", "holder", "before", "fenced-write")));
            case "clock-skew" -> nemesis.add(fault("clock-skew", "1s", "1s", "500ms", Map.of("offset", "10m")));
            case "crash-process" -> {
                duration = Duration.ofSeconds(8);
                nemesis.add(fault("crash-process", "2s", "100ms", "2s", Map.of()));
            }
            case "lock-holder" -> {
                settings.put("busy-timeout", "300ms");
                nemesis.add(new FaultSpec("lock-holder", Duration.ofSeconds(1), Duration.ofMillis(800), Duration.ofSeconds(1),
                        1, Map.of()));
            }
            default -> {
            }
        }
        String workload = ReferenceClients.workloadOf(v.strategy());
        String description = (v.isBroken() ? "Broken on purpose (" + v.expectedAnomaly().orElseThrow().displayName()
                + "): " : "Correct: ") + v.mechanism() + (row.fault().equals(NO_FAULT) ? "; no fault, the race alone"
                : "; under " + row.fault());
        return new Scenario(v.cliName() + "--" + row.fault(), description, v.cliName(), null, null,
                new WorkloadSpec(workload, keys, "uniform", null, null, settings), 4, null, duration, null, nemesis,
                null, 20261202L, row.expected(),
                v.expectedAnomaly().map(DetectionTable::anomalyType).orElse(null),
                row.fault().equals("crash-process") ? Boolean.TRUE : null);
    }

    /** A map that keeps its order, so the generated files are the same on every run. */
    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static FaultSpec fault(String name, String start, String hold, String heal, Map<String, String> options) {
        return new FaultSpec(name, io.lockbench.stress.scenario.Durations.parse(start),
                io.lockbench.stress.scenario.Durations.parse(hold), io.lockbench.stress.scenario.Durations.parse(heal),
                0, options);
    }

    /** The YAML of a row's scenario file, with a header saying where it comes from. */
    public static String yaml(Row row) {
        return "# Generated from io.lockbench.impl.catalog.Variant by DetectionTable: do not edit by hand.\n"
                + "# Backends: " + String.join(", ", row.backends().stream().map(b -> b.name().toLowerCase(java.util.Locale.ROOT)).toList())
                + " (lockbench run " + "scenarios/detection/" + row.fileName() + " --backend postgresql)\n"
                + ScenarioFiles.toYaml(scenario(row));
    }

    /** Writes every row's scenario file into {@code dir}, removing files of rows that no longer exist. */
    public static void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (var old = Files.list(dir)) {
            for (Path p : old.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Files.delete(p);
            }
        }
        for (Row row : rows()) {
            Files.writeString(dir.resolve(row.fileName()), yaml(row));
        }
    }

    /** Regenerates the files: {@code java … DetectionTable scenarios/detection}. */
    public static void main(String[] args) throws IOException {
        write(Path.of(args.length > 0 ? args[0] : "scenarios/detection"));
    }
}
