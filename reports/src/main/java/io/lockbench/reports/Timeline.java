package io.lockbench.reports;

import io.lockbench.stress.history.JsonLinesReader;
import io.lockbench.stress.history.Op;
import io.lockbench.stress.runner.RunResults;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One stress run over time: completed operations per second by outcome (ok, fail, info) in equal
 * buckets, with the run's fault intervals to shade, read from its history as it was recorded.
 *
 * @param run           the scenario's name
 * @param bucketSeconds the width of a bucket
 * @param ok            completions per second in each bucket, by outcome
 * @param faults        the fault intervals (seconds since the run began; an open end is the run's end)
 */
public record Timeline(String run, String variant, String backend, String verdict, double bucketSeconds,
                       List<Double> startS, List<Double> ok, List<Double> fail, List<Double> info,
                       List<RunResults.FaultInterval> faults, double endS) {

    /** About this many buckets, whatever the run's length. */
    static final int BUCKETS = 80;

    /**
     * The run a report shows over time: a correct variant under a fault if there is one (its
     * operations should recover once the fault heals), else any run with faults, else the first.
     * Only runs whose history lies beside their results qualify.
     */
    public static Optional<StressRun> choose(List<StressRun> runs) {
        List<StressRun> withHistory = runs.stream().filter(r -> r.history().isPresent()).toList();
        return withHistory.stream().filter(r -> hasFaults(r) && !r.results().broken()).findFirst()
                .or(() -> withHistory.stream().filter(Timeline::hasFaults).findFirst())
                .or(() -> withHistory.stream().findFirst());
    }

    private static boolean hasFaults(StressRun r) {
        return r.results().faults() != null && !r.results().faults().isEmpty();
    }

    public static Timeline of(StressRun run) {
        Path history = run.history().orElseThrow(() -> new ReportInputException(run.resultsFile()
                + ": no history.jsonl beside it, so no timeline"));
        List<long[]> completions = new ArrayList<>(); // {time ns, outcome 0 ok / 1 fail / 2 info}
        try (InputStream in = Files.newInputStream(history)) {
            JsonLinesReader.stream(in, history.toString(), op -> {
                if (!op.isInvoke() && op.process() != Op.NEMESIS) {
                    completions.add(new long[] {op.time(), op.isOk() ? 0 : op.isFail() ? 1 : 2});
                }
            });
        } catch (IOException | RuntimeException e) {
            throw new ReportInputException(history + ": cannot read the history for the timeline: " + e.getMessage(), e);
        }
        RunResults r = run.results();
        double lastOp = completions.stream().mapToLong(c -> c[0]).max().orElse(0) / 1e9;
        double end = Math.max(lastOp, r.faults() == null ? 0 : r.faults().stream()
                .mapToDouble(f -> f.endS() == null ? f.startS() : f.endS()).max().orElse(0));
        double bucket = niceBucket(Math.max(end, 0.1) / BUCKETS);
        int n = (int) Math.ceil(end / bucket) + 1;
        double[][] counts = new double[3][n];
        for (long[] c : completions) {
            counts[(int) c[1]][(int) Math.min(n - 1, (c[0] / 1e9) / bucket)]++;
        }
        List<Double> starts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            starts.add(round(i * bucket));
        }
        return new Timeline(r.scenario(), r.variant(), r.backend(), r.verdict(), bucket, starts, rates(counts[0], bucket),
                rates(counts[1], bucket), rates(counts[2], bucket),
                r.faults() == null ? List.of() : r.faults(), round(end));
    }

    /** 0.05 s, 0.1 s, 0.2 s, 0.5 s, 1 s …: bucket edges a reader can add up. */
    static double niceBucket(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (raw <= step * magnitude) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static List<Double> rates(double[] counts, double bucket) {
        List<Double> rates = new ArrayList<>(counts.length);
        for (double c : counts) {
            rates.add(round(c / bucket));
        }
        return rates;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
