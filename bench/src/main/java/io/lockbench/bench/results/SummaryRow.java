package io.lockbench.bench.results;

import io.lockbench.impl.catalog.Variant;
import java.util.Optional;

/**
 * One cell of the summary: a benchmark at one backend, key count and thread count, with its
 * throughput, its ratio to the raw baseline of the same cell, its latency percentiles and its
 * counters per call. Numbers that were not measured are NaN (JMH's own convention): latency when
 * the run had no sample-time mode, a ratio when the baseline was not run.
 *
 * @param benchmark      the fully qualified benchmark method
 * @param variant        the variant it measures; empty for a baseline
 * @param baseline       the baseline it is divided by (a baseline is divided by itself)
 * @param opsPerSec      calls per second over all threads (measured calls ÷ measured time, see
 *                       {@link BenchSummary#throughput}) and its error
 * @param jmhOpsPerSec   JMH's own score, the sum of each thread's rate (overstates when threads block)
 * @param okPerSec       calls per second that succeeded: opsPerSec × ok / calls
 * @param ratio          opsPerSec ÷ the baseline's opsPerSec, and its error
 * @param okRatio        okPerSec ÷ the baseline's okPerSec
 * @param latencyMicros  p50, p90, p99, p99.9, max (µs), from the sample-time result of the same cell
 * @param perCall        conflicts, retries, give-ups, unique violations retried, claims rejected,
 *                       busy errors and failed calls, each divided by the calls made
 */
public record SummaryRow(String benchmark, Optional<Variant> variant, Baseline baseline, String backend, String keys,
                         int threads, double opsPerSec, double opsError, double jmhOpsPerSec, double okPerSec,
                         double baselineOpsPerSec,
                         double ratio, double ratioError, double okRatio, Latency latencyMicros, Counters perCall) {

    /** Latency percentiles in microseconds. */
    public record Latency(double p50, double p90, double p99, double p999, double max) {
        static final Latency NONE = new Latency(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** Counters divided by calls: 0.25 conflicts per call means one call in four lost an attempt. */
    public record Counters(double conflicts, double retries, double giveUps, double uniqueViolationsRetried,
                           double claimsRejected, double busyErrors, double failed) {
        static final Counters NONE = new Counters(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN);
    }

    public String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    public boolean isBaseline() {
        return variant.isEmpty();
    }

    /** Whether this row measures a strategy's write, to be compared with the others (see {@link MeasuredVariants}). */
    public boolean comparesStrategies() {
        return MeasuredVariants.comparesStrategies(benchmark);
    }
}
