package io.lockbench.bench.results;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * One JMH result: one benchmark method in one mode, at one thread count and one set of parameters,
 * read from JMH's JSON ({@code -rf json}) without JMH's classes, so reports can read it too.
 *
 * @param benchmark   the fully qualified method, {@code io.lockbench.bench.OptimisticRetryBenchmark.optimistic}
 * @param mode        JMH's short name: {@code thrpt}, {@code sample}, {@code avgt}, {@code ss}
 * @param threads     benchmark threads
 * @param params      the {@code @Param} values ({@code backend}, {@code keys})
 * @param primary     the score: ops per time unit in {@code thrpt}, mean time per op in {@code sample}
 * @param percentiles percentile (0–100) to score, in {@code primary}'s unit: in {@code sample} mode the
 *                    latency distribution, in other modes the spread of the iterations' scores
 * @param secondary   the secondary metrics by name: lockbench's counters ({@code ok}, {@code calls},
 *                    {@code conflicts} …) and anything a profiler added
 * @param iterationSeconds how long each measured iteration lasted ({@code measurementTime}); NaN if unknown
 */
public record BenchResult(String benchmark, String mode, int threads, Map<String, String> params, Metric primary,
                          SortedMap<Double, Double> percentiles, Map<String, Metric> secondary,
                          double iterationSeconds) {

    public static final String THROUGHPUT = "thrpt";
    public static final String SAMPLE_TIME = "sample";

    /** The method's name: {@code optimistic}. */
    public String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    public String backend() {
        return params.getOrDefault("backend", "");
    }

    public String keys() {
        return params.getOrDefault("keys", "");
    }

    public Optional<Metric> secondary(String name) {
        return Optional.ofNullable(secondary.get(name));
    }

    /** A latency percentile (e.g. 99.9) in microseconds; empty unless the score is a time per operation. */
    public Optional<Double> percentileMicros(double percentile) {
        Double value = percentiles.get(percentile);
        return value == null || !primary.unit().endsWith("/op") ? Optional.empty()
                : Optional.of(value * TimeUnits.microsFactor(primary.unit()));
    }

    /** Same benchmark threads, backend and keys: the cell of the contention table this result fills. */
    public boolean sameCellAs(BenchResult other) {
        return threads == other.threads && backend().equals(other.backend()) && keys().equals(other.keys());
    }
}
