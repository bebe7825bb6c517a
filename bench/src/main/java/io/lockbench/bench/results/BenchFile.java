package io.lockbench.bench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A JMH JSON results file: JMH's own array of results ({@code -rf json}), as written by {@code
 * lockbench bench} or by {@code java -jar benchmarks.jar -rf json}. lockbench adds one field to
 * each result, {@code "lockbench"} (what the run measured on, the variant and the ratio to the
 * raw baseline); it is read here when present and never required.
 *
 * @param results     every result, in file order
 * @param environment the {@code lockbench.environment} object of the first result that has one
 *                    (command, machine, JVM, databases), or empty for plain JMH output
 */
public record BenchFile(List<BenchResult> results, Map<String, Object> environment) {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a file; a file that is not JMH JSON fails with its name, line and what was expected. */
    public static BenchFile read(Path file) {
        try {
            return parse(JSON.readTree(Files.readString(file)), file.toString());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new IllegalArgumentException(file + ":" + line + ": not JSON (" + e.getOriginalMessage()
                    + "); expected JMH's -rf json output");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads JMH's JSON array; {@code source} names it in errors. */
    public static BenchFile parse(JsonNode root, String source) {
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException(source + ": expected JMH's -rf json output, an array of results");
        }
        List<BenchResult> results = new ArrayList<>();
        Map<String, Object> environment = Map.of();
        int index = 0;
        for (JsonNode node : root) {
            results.add(result(node, source + ": result " + index++));
            JsonNode env = node.path("lockbench").path("environment");
            if (environment.isEmpty() && env.isObject()) {
                environment = Collections.unmodifiableMap(JSON.convertValue(env, LinkedHashMap.class));
            }
        }
        return new BenchFile(List.copyOf(results), environment);
    }

    private static BenchResult result(JsonNode node, String where) {
        JsonNode primary = required(node, "primaryMetric", where);
        Map<String, String> params = new LinkedHashMap<>();
        node.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        TreeMap<Double, Double> percentiles = new TreeMap<>();
        primary.path("scorePercentiles").fields()
                .forEachRemaining(e -> percentiles.put(Double.parseDouble(e.getKey()), e.getValue().asDouble()));
        Map<String, Metric> secondary = new LinkedHashMap<>();
        node.path("secondaryMetrics").fields().forEachRemaining(e -> secondary.put(e.getKey(), metric(e.getValue())));
        return new BenchResult(required(node, "benchmark", where).asText(), required(node, "mode", where).asText(),
                required(node, "threads", where).asInt(), Collections.unmodifiableMap(params), metric(primary),
                Collections.unmodifiableSortedMap(percentiles), Collections.unmodifiableMap(secondary),
                TimeUnits.durationSeconds(node.path("measurementTime").asText("")));
    }

    private static Metric metric(JsonNode node) {
        List<Double> iterations = new ArrayList<>();
        for (JsonNode fork : node.path("rawData")) {
            fork.forEach(value -> iterations.add(value.asDouble(Double.NaN)));
        }
        // JMH writes a missing error as the string "NaN", which asDouble reads as NaN.
        return new Metric(node.path("score").asDouble(Double.NaN), node.path("scoreError").asDouble(Double.NaN),
                node.path("scoreUnit").asText(""), iterations);
    }

    private static JsonNode required(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(where + ": no \"" + field + "\"; expected a JMH result");
        }
        return value;
    }
}
