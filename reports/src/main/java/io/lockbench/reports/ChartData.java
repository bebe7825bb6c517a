package io.lockbench.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lockbench.bench.results.Baseline;
import io.lockbench.bench.results.SummaryRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The report as the data the HTML page's script draws from: one JSON object, built here with
 * Jackson, so the page's JavaScript is one fixed file and no chart is assembled from strings.
 * Numbers that were not measured are null (JSON has no NaN).
 */
final class ChartData {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final String[] PERCENTILES = {"p50", "p90", "p99", "p99.9", "max"};

    private ChartData() {
    }

    static ObjectNode of(Report report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("generatedAt", report.generatedAt());
        root.set("sources", JSON.valueToTree(report.sources()));
        root.set("missing", JSON.valueToTree(report.missing()));
        root.set("environment", JSON.valueToTree(report.environment().groups()));
        ArrayNode advice = root.putArray("advice");
        for (Advice a : report.advice()) {
            advice.addObject().put("backend", Labels.backend(a.backend())).put("keys", a.keys())
                    .put("threads", a.threads()).put("decision", a.decision().name()).put("text", a.text());
        }
        ArrayNode backends = root.putArray("bench");
        byBackend(report.summary()).forEach((backend, rows) -> backends.add(backend(backend, rows)));
        root.set("detection", detection(report.detection()));
        report.timeline().ifPresent(t -> root.set("timeline", JSON.valueToTree(t)));
        return root;
    }

    private static Map<String, List<SummaryRow>> byBackend(List<SummaryRow> rows) {
        Map<String, List<SummaryRow>> by = new TreeMap<>();
        rows.forEach(r -> by.computeIfAbsent(r.backend(), b -> new ArrayList<>()).add(r));
        return by;
    }

    private static ObjectNode backend(String backend, List<SummaryRow> rows) {
        ObjectNode node = JSON.createObjectNode();
        node.put("backend", backend).put("label", Labels.backend(backend));
        List<String> cells = rows.stream().sorted(Comparator.comparingInt(ChartData::keys)
                .thenComparingInt(SummaryRow::threads)).map(ChartData::cell).distinct().toList();
        node.set("cells", JSON.valueToTree(cells));
        Map<String, List<SummaryRow>> byMethod = byMethod(rows);
        node.set("throughput", series(byMethod, cells, SummaryRow::opsPerSec, SummaryRow::opsError, true));
        node.set("ratio", series(byMethod, cells, SummaryRow::ratio, SummaryRow::ratioError, false));
        node.set("latency", latency(byMethod));
        node.set("counters", counters(byMethod));
        return node;
    }

    /** Baselines first, then variants in the catalog's order (each correct strategy before its twins). */
    private static Map<String, List<SummaryRow>> byMethod(List<SummaryRow> rows) {
        Map<String, List<SummaryRow>> by = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparingInt((SummaryRow r) -> r.variant().map(v -> v.ordinal() + 10)
                        .orElse(r.baseline().ordinal())))
                .forEach(r -> by.computeIfAbsent(name(r), m -> new ArrayList<>()).add(r));
        return by;
    }

    private static ArrayNode series(Map<String, List<SummaryRow>> byMethod, List<String> cells,
                                    ToDoubleFunction<SummaryRow> value, ToDoubleFunction<SummaryRow> error,
                                    boolean withBaselines) {
        ArrayNode all = JSON.createArrayNode();
        byMethod.forEach((name, rows) -> {
            SummaryRow first = rows.get(0);
            if (first.isBaseline() && !withBaselines) {
                return;
            }
            ObjectNode s = all.addObject();
            s.put("name", name).put("baseline", first.isBaseline())
                    .put("broken", first.variant().map(v -> v.isBroken()).orElse(false));
            ArrayNode values = s.putArray("values");
            ArrayNode errors = s.putArray("errors");
            for (String cell : cells) {
                SummaryRow r = rows.stream().filter(x -> cell(x).equals(cell)).reduce((a, b) -> b).orElse(null);
                number(values, r == null ? Double.NaN : value.applyAsDouble(r));
                number(errors, r == null ? Double.NaN : error.applyAsDouble(r));
            }
        });
        return all;
    }

    /** Per key count, at the most threads measured: each benchmark's p50 … max in microseconds. */
    private static ArrayNode latency(Map<String, List<SummaryRow>> byMethod) {
        ArrayNode charts = JSON.createArrayNode();
        Map<Integer, Integer> maxThreads = new TreeMap<>();
        byMethod.values().forEach(rows -> rows.forEach(r -> maxThreads.merge(keys(r), r.threads(), Math::max)));
        maxThreads.forEach((keys, threads) -> {
            ObjectNode chart = JSON.createObjectNode();
            chart.put("keys", keys).put("threads", threads);
            chart.set("percentiles", JSON.valueToTree(PERCENTILES));
            ArrayNode series = chart.putArray("series");
            byMethod.forEach((name, rows) -> rows.stream().filter(r -> keys(r) == keys && r.threads() == threads)
                    .filter(r -> !Double.isNaN(r.latencyMicros().p50())).reduce((a, b) -> b).ifPresent(r -> {
                        ObjectNode s = series.addObject().put("name", name)
                                .put("broken", r.variant().map(v -> v.isBroken()).orElse(false));
                        ArrayNode values = s.putArray("values");
                        SummaryRow.Latency l = r.latencyMicros();
                        for (double v : new double[] {l.p50(), l.p90(), l.p99(), l.p999(), l.max()}) {
                            number(values, v);
                        }
                    }));
            if (!series.isEmpty()) {
                charts.add(chart);
            }
        });
        return charts;
    }

    /** Conflicts, retries, give-ups … per call, for every variant and key count at the most threads. */
    private static ObjectNode counters(Map<String, List<SummaryRow>> byMethod) {
        Map<String, ToDoubleFunction<SummaryRow.Counters>> kinds = new LinkedHashMap<>();
        kinds.put("conflicts", SummaryRow.Counters::conflicts);
        kinds.put("retries", SummaryRow.Counters::retries);
        kinds.put("give-ups", SummaryRow.Counters::giveUps);
        kinds.put("unique violations retried", SummaryRow.Counters::uniqueViolationsRetried);
        kinds.put("claims rejected", SummaryRow.Counters::claimsRejected);
        kinds.put("busy errors", SummaryRow.Counters::busyErrors);
        kinds.put("failed", SummaryRow.Counters::failed);
        List<SummaryRow> rows = new ArrayList<>();
        byMethod.values().forEach(list -> {
            int top = list.stream().mapToInt(SummaryRow::threads).max().orElse(0);
            list.stream().filter(r -> !r.isBaseline() && r.threads() == top)
                    .sorted(Comparator.comparingInt(ChartData::keys)).forEach(rows::add);
        });
        ObjectNode node = JSON.createObjectNode();
        node.set("categories", JSON.valueToTree(rows.stream()
                .map(r -> name(r) + " · " + Labels.keys(r.keys()) + " · " + r.threads() + " thr").toList()));
        ArrayNode series = node.putArray("series");
        kinds.forEach((kind, get) -> {
            if (rows.stream().anyMatch(r -> get.applyAsDouble(r.perCall()) > 0)) {
                ArrayNode values = series.addObject().put("name", kind).putArray("values");
                rows.forEach(r -> number(values, get.applyAsDouble(r.perCall())));
            }
        });
        return node;
    }

    private static ObjectNode detection(DetectionMatrix matrix) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode tables = node.putArray("tables");
        for (DetectionMatrix.Table t : matrix.tables()) {
            ObjectNode table = tables.addObject().put("backend", Labels.backend(t.backend()));
            table.set("faults", JSON.valueToTree(t.faults()));
            ArrayNode lines = table.putArray("lines");
            for (DetectionMatrix.Line l : t.lines()) {
                ObjectNode line = lines.addObject().put("variant", l.variant()).put("broken", l.broken())
                        .put("expectedAnomaly", l.expectedAnomaly());
                ArrayNode cells = line.putArray("cells");
                l.cells().forEach(c -> cells.add(c.map(cell -> (com.fasterxml.jackson.databind.JsonNode) JSON.valueToTree(cell))
                        .orElse(JSON.nullNode())));
            }
        }
        return node;
    }

    /** {@code rawUpdate (baseline)}, or the variant's command-line name. */
    static String name(SummaryRow r) {
        if (r.isBaseline()) {
            return (r.baseline() == Baseline.RAW_INSERT ? "raw INSERT" : "raw UPDATE") + " (baseline)";
        }
        return io.lockbench.bench.results.MeasuredVariants.label(r.benchmark(), r.variant().orElseThrow());
    }

    static String cell(SummaryRow r) {
        return Labels.keys(r.keys()) + " · " + r.threads() + " thr";
    }

    private static int keys(SummaryRow r) {
        try {
            return Integer.parseInt(r.keys());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static void number(ArrayNode array, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            array.addNull();
        } else {
            array.add(v);
        }
    }
}
