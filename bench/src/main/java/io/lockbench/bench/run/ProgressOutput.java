package io.lockbench.bench.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * JMH's output, split in two: everything JMH prints goes to a log file (its usual text, for
 * whoever wants the iterations), and the console gets one line per benchmark: which one of how
 * many, the time left, what it is, and its score when done.
 */
final class ProgressOutput implements OutputFormat {

    private final OutputFormat log;
    private final PrintWriter console;
    private final int total;
    private final double guessSeconds;
    private final long startNanos = System.nanoTime();
    private int started;
    private int finished;

    ProgressOutput(OutputFormat log, PrintWriter console, int total, double guessSeconds) {
        this.log = log;
        this.console = console;
        this.total = total;
        this.guessSeconds = guessSeconds;
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        log.startBenchmark(params);
        started++;
        String name = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.',
                params.getBenchmark().lastIndexOf('.') - 1) + 1);
        String values = params.getParamsKeys().stream().map(k -> k + "=" + params.getParam(k))
                .collect(Collectors.joining(" "));
        console.printf(Locale.ROOT, "[%" + digits() + "d/%d] %s left  %-45s %-6s threads=%-2d %s", started, total,
                clock(secondsLeft()), name, params.getMode().shortLabel(), params.getThreads(), values);
        console.flush();
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        log.endBenchmark(result);
        finished++;
        if (result != null && result.getPrimaryResult() != null) {
            console.printf(Locale.ROOT, "  %,.1f %s%n", result.getPrimaryResult().getScore(),
                    result.getPrimaryResult().getScoreUnit());
        } else {
            console.println("  (no result)");
        }
    }

    /** Measured time per finished benchmark once there is one, the plan's guess before. */
    private double secondsLeft() {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        double each = finished == 0 ? guessSeconds : elapsed / finished;
        return each * (total - finished);
    }

    static String clock(double seconds) {
        Duration d = Duration.ofSeconds(Math.round(seconds));
        return d.toHours() > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }

    private int digits() {
        return Integer.toString(total).length();
    }

    // Everything else is JMH's own report: into the log.

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
        log.iteration(benchParams, params, iteration);
    }

    @Override
    public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration, IterationResult data) {
        log.iterationResult(benchParams, params, iteration, data);
    }

    @Override
    public void startRun() {
        log.startRun();
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        log.endRun(result);
    }

    @Override
    public void print(String s) {
        log.print(s);
    }

    @Override
    public void println(String s) {
        log.println(s);
    }

    @Override
    public void flush() {
        log.flush();
        console.flush();
    }

    @Override
    public void close() {
        log.flush(); // the log outlives one JMH run: BenchRunner closes it
    }

    @Override
    public void verbosePrintln(String s) {
        log.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        log.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        log.write(b);
    }
}
