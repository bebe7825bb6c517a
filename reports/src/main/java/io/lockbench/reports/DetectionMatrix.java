package io.lockbench.reports;

import io.lockbench.impl.catalog.Variant;
import io.lockbench.stress.runner.RunResults;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The detection table from stress runs: per backend, variant × fault → verdict, with whether that
 * verdict is the expected one (a broken twin must be invalid, a correct variant valid) and the
 * failed or unknown operations by error class, which tell how the backend stopped (or did not
 * stop) the anomaly: lost data, or failed operations. Of several runs of one cell, the newest counts.
 */
public record DetectionMatrix(List<Table> tables) {

    /** One backend's table: {@code faults} are the columns, {@code none} first. */
    public record Table(String backend, List<String> faults, List<Line> lines) {
    }

    /** One variant's row: a cell per fault, empty where it was not run. */
    public record Line(String variant, boolean broken, String expectedAnomaly, List<Optional<Cell>> cells) {
    }

    /**
     * @param failures failed and unknown operations by error class with their share of all operations,
     *                 {@code BUSY 3.1 %}, most frequent first
     * @param anomalies the anomaly types the checkers reported
     */
    public record Cell(String verdict, String expected, Boolean asExpected, List<String> failures,
                       List<String> anomalies, String scenario, double failedShare) {
    }

    public static DetectionMatrix of(List<StressRun> runs) {
        Map<String, Map<String, Map<String, RunResults>>> byBackend = new TreeMap<>();
        for (StressRun run : runs) {
            RunResults r = run.results();
            Map<String, RunResults> row = byBackend.computeIfAbsent(String.valueOf(r.backend()), b -> new TreeMap<>(
                    Comparator.comparingInt(DetectionMatrix::variantOrder).thenComparing(Comparator.naturalOrder())))
                    .computeIfAbsent(String.valueOf(r.variant()), v -> new LinkedHashMap<>());
            row.merge(run.fault(), r, (a, b) -> String.valueOf(a.startedAt()).compareTo(String.valueOf(b.startedAt())) >= 0 ? a : b);
        }
        List<Table> tables = new ArrayList<>();
        byBackend.forEach((backend, variants) -> {
            List<String> faults = new ArrayList<>();
            variants.values().forEach(cells -> cells.keySet().forEach(f -> {
                if (!faults.contains(f)) {
                    faults.add(f);
                }
            }));
            faults.sort(Comparator.comparing((String f) -> !f.equals("none")).thenComparing(Comparator.naturalOrder()));
            List<Line> lines = new ArrayList<>();
            variants.forEach((variant, cells) -> {
                RunResults any = cells.values().iterator().next();
                lines.add(new Line(variant, any.broken(), any.expectedAnomaly(),
                        faults.stream().map(f -> Optional.ofNullable(cells.get(f)).map(DetectionMatrix::cell)).toList()));
            });
            tables.add(new Table(backend, List.copyOf(faults), List.copyOf(lines)));
        });
        return new DetectionMatrix(List.copyOf(tables));
    }

    private static Cell cell(RunResults r) {
        List<String> failures = new ArrayList<>();
        double failedShare = 0;
        if (r.failuresByKind() != null) {
            List<Map.Entry<String, RunResults.ErrorCount>> kinds = new ArrayList<>(r.failuresByKind().entrySet());
            kinds.sort(Comparator.comparingDouble((Map.Entry<String, RunResults.ErrorCount> e) -> e.getValue().share())
                    .reversed());
            for (Map.Entry<String, RunResults.ErrorCount> e : kinds) {
                failures.add(e.getKey() + " " + Labels.percent(e.getValue().share()));
                failedShare += e.getValue().share();
            }
        }
        List<String> anomalies = r.checkers() == null ? List.of() : r.checkers().stream()
                .flatMap(c -> c.anomalies() == null ? java.util.stream.Stream.empty() : c.anomalies().stream())
                .map(RunResults.AnomalyFound::type).distinct().toList();
        return new Cell(String.valueOf(r.verdict()).toLowerCase(Locale.ROOT), r.expected(), r.asExpected(),
                List.copyOf(failures), anomalies, r.scenario(), failedShare);
    }

    private static int variantOrder(String name) {
        try {
            return Variant.parse(name).ordinal();
        } catch (IllegalArgumentException notReference) {
            return Integer.MAX_VALUE;
        }
    }
}
