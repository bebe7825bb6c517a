package io.lockbench.stress.runner;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a stress run found, as written to {@code results.json} (snake_case keys) beside the
 * history. The reports read it; its format is documented in the README ("Run results").
 *
 * @param format          {@code lockbench-run/1}
 * @param scenario        the scenario's name
 * @param variant         the implementation run ({@code optimistic}, or a client class)
 * @param strategy        the strategy it implements, when a reference variant
 * @param broken          whether the variant is a deliberately broken twin
 * @param expectedAnomaly what the twin is declared to do wrong, in words
 * @param backend         {@code sqlite} or {@code postgresql}
 * @param server          which database server answered
 * @param seed            the seed that reproduces the run's operations
 * @param startedAt       UTC, ISO-8601
 * @param durationSeconds how long the main phase ran
 * @param clients         client processes at once
 * @param verdict         {@code valid}, {@code invalid} or {@code unknown}: the weakest checker's
 * @param expected        the scenario's declared verdict on this backend, if any
 * @param asExpected      whether the verdict is the declared one (and shows the declared anomaly)
 * @param cutShort        why the run stopped early (^C), or null
 * @param checkers        each checker's result
 * @param ops             operations by outcome and by f
 * @param failuresByKind  failed and unknown operations by error class, with their share of all
 *                        operations: how the backend prevented (or failed to prevent) anomalies
 * @param throughput      operations per second in the main phase
 * @param latencyMs       latency percentiles per f, in milliseconds (HdrHistogram)
 * @param faults          every fault interval, in seconds since the run began
 * @param problems        what went wrong around the run (a client that could not open …)
 * @param environment     the machine, JVM and command
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunResults(String format, String scenario, String description, String variant, String strategy,
                         boolean broken, String expectedAnomaly, String backend, Server server, long seed,
                         String startedAt, double durationSeconds, int clients, String verdict, String expected,
                         Boolean asExpected, String cutShort, List<CheckerOutcome> checkers, OpCounts ops,
                         Map<String, ErrorCount> failuresByKind, Throughput throughput, Map<String, Latency> latencyMs,
                         List<FaultInterval> faults, List<String> problems, Environment environment) {

    public static final String FORMAT = "lockbench-run/1";

    /** @param source {@code file} (SQLite), {@code given} (LOCKBENCH_PG_URL / --pg-url), {@code embedded}, {@code container} */
    public record Server(String version, String source, String url) {
    }

    public record CheckerOutcome(String model, String verdict, String summary, List<AnomalyFound> anomalies,
                                 Map<String, Object> stats) {
    }

    /** @param ops the operations that show it, as history records */
    public record AnomalyFound(String type, String description, List<Map<String, Object>> ops) {
    }

    public record OpCounts(long total, long ok, long fail, long info, Map<String, Outcomes> byF) {
    }

    public record Outcomes(long ok, long fail, long info) {
    }

    /** @param share of all completed operations */
    public record ErrorCount(long fail, long info, double share) {
    }

    public record Throughput(double opsPerSecond, double okPerSecond) {
    }

    public record Latency(long count, double p50, double p90, double p99, double p999, double max, double mean) {
    }

    /** @param endS null when the fault was still active at the end */
    public record FaultInterval(String fault, double startS, Double endS, String started, String healed) {
    }

    public record Environment(String lockbenchVersion, String java, String os, int cores, String command) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    public String toJson() throws IOException {
        return JSON.writeValueAsString(this);
    }

    /** Reads a {@code results.json}; unknown fields (from newer versions) are ignored. */
    public static RunResults read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), RunResults.class);
    }
}
