package io.lockbench.bench.results;

import io.lockbench.impl.catalog.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns JMH results into {@link SummaryRow}s: every throughput result of a lockbench benchmark,
 * divided by the raw baseline of the same backend, key count and thread count, with the latency
 * percentiles of the same cell's sample-time result and the counters per call. A pure function
 * of the results; {@code lockbench bench} prints it and writes the ratios into the results file,
 * and reports read it the same way.
 */
public final class BenchSummary {

    private BenchSummary() {
    }

    public static List<SummaryRow> of(List<BenchResult> results) {
        List<SummaryRow> rows = new ArrayList<>();
        for (BenchResult r : results) {
            if (!r.mode().equals(BenchResult.THROUGHPUT)) {
                continue;
            }
            Optional<Variant> variant = MeasuredVariants.of(r.method());
            Optional<Baseline> baseline = variant.map(v -> Baseline.of(v.strategy()))
                    .or(() -> Baseline.ofBenchmark(r.benchmark()));
            if (baseline.isEmpty() || (variant.isEmpty() && !r.benchmark().equals(baseline.get().benchmark()))) {
                continue; // not one of lockbench's benchmarks
            }
            Optional<BenchResult> base = find(results, baseline.get().benchmark(), BenchResult.THROUGHPUT, r);
            rows.add(row(r, variant, baseline.get(), base, find(results, r.benchmark(), BenchResult.SAMPLE_TIME, r)));
        }
        return List.copyOf(rows);
    }

    private static SummaryRow row(BenchResult r, Optional<Variant> variant, Baseline baseline,
                                  Optional<BenchResult> base, Optional<BenchResult> sample) {
        Confidence ops = throughput(r);
        double ok = okPerSecond(r, ops.mean());
        Confidence baseOps = base.map(BenchSummary::throughput).orElse(new Confidence(Double.NaN, Double.NaN));
        double ratio = ops.mean() / baseOps.mean();
        // Relative errors add in quadrature for a quotient.
        double ratioError = ratio * Math.hypot(ops.error() / ops.mean(), baseOps.error() / baseOps.mean());
        double okRatio = ok / base.map(b -> okPerSecond(b, baseOps.mean())).orElse(Double.NaN);
        return new SummaryRow(r.benchmark(), variant, baseline, r.backend(), r.keys(), r.threads(), ops.mean(),
                ops.error(), r.primary().perSecond(), ok, baseOps.mean(), ratio, ratioError, okRatio,
                sample.map(BenchSummary::latency).orElse(SummaryRow.Latency.NONE), counters(r));
    }

    /**
     * Calls per second over all threads: the calls completed inside the measurement windows divided
     * by the time measured, when the run counted them ({@code measuredCalls}); JMH's score otherwise.
     * JMH's throughput adds up each thread's own rate, its calls over its own measured interval; a
     * thread that spent most of an iteration blocked (SQLite's busy handler sleeps up to 100 ms per
     * try) starts measuring late, so its few calls over a short interval make a huge rate, and the
     * sum overstates throughput: measured here, 43,840 ops/s scored for 4,200 calls/s.
     */
    static Confidence throughput(BenchResult r) {
        Optional<Metric> measured = r.secondary("measuredCalls");
        double seconds = r.iterationSeconds();
        if (measured.isEmpty() || measured.get().iterations().isEmpty() || !(seconds > 0)) {
            double perSecond = r.primary().perSecond();
            return new Confidence(perSecond, r.primary().error() * (perSecond / r.primary().score()));
        }
        return Confidence.of(measured.get().iterations().stream().map(calls -> calls / seconds).toList());
    }

    /** The share of calls that succeeded, applied to the measured calls per second. */
    private static double okPerSecond(BenchResult r, double opsPerSecond) {
        return opsPerSecond * count(r, "ok") / count(r, "calls");
    }

    private static SummaryRow.Latency latency(BenchResult sample) {
        return new SummaryRow.Latency(p(sample, 50), p(sample, 90), p(sample, 99), p(sample, 99.9), p(sample, 100));
    }

    private static double p(BenchResult sample, double percentile) {
        return sample.percentileMicros(percentile).orElse(Double.NaN);
    }

    private static SummaryRow.Counters counters(BenchResult r) {
        double calls = count(r, "calls");
        if (!(calls > 0)) {
            return SummaryRow.Counters.NONE;
        }
        return new SummaryRow.Counters(count(r, "conflicts") / calls, count(r, "retries") / calls,
                count(r, "giveUps") / calls, count(r, "uniqueViolationsRetried") / calls,
                count(r, "claimsRejected") / calls, count(r, "busyErrors") / calls, count(r, "failed") / calls);
    }

    private static double count(BenchResult r, String name) {
        return r.secondary(name).map(Metric::score).orElse(Double.NaN);
    }

    private static Optional<BenchResult> find(List<BenchResult> results, String benchmark, String mode, BenchResult cell) {
        return results.stream()
                .filter(r -> r.benchmark().equals(benchmark) && r.mode().equals(mode) && r.sameCellAs(cell))
                .findFirst();
    }
}
