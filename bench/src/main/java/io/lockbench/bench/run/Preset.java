package io.lockbench.bench.run;

import io.lockbench.bench.fixture.BenchDefaults;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How long and how carefully to measure. Both run every benchmark at keys 1, 16 and 1,024, in
 * throughput and sample-time mode; the full preset also at 4 threads, and for longer per cell.
 */
public enum Preset {
    /**
     * A smoke run: 1 and 16 threads only, in the host JVM (no fork), one 100 ms warm-up and one
     * 200 ms measurement per cell. About five minutes per backend on two cores (setup, not the
     * iterations, is most of it); proves everything runs and
     * shows the shape of the results, not figures to quote.
     */
    QUICK(List.of(1, 16), 0, 1, TimeValue.milliseconds(100), 1, TimeValue.milliseconds(200)),
    /**
     * Figures to quote: a fresh JVM per cell, one 1 s warm-up (the pool is already full, the JIT
     * settles fast next to database round trips) and five 2 s measurements.
     */
    FULL(List.of(1, 4, 16), BenchDefaults.FORKS, BenchDefaults.WARMUP_ITERATIONS,
            new TimeValue(BenchDefaults.WARMUP_MILLIS, TimeUnit.MILLISECONDS), BenchDefaults.MEASUREMENT_ITERATIONS,
            new TimeValue(BenchDefaults.MEASUREMENT_MILLIS, TimeUnit.MILLISECONDS));

    private final List<Integer> threads;
    private final int forks;
    private final int warmupIterations;
    private final TimeValue warmupTime;
    private final int measurementIterations;
    private final TimeValue measurementTime;

    Preset(List<Integer> threads, int forks, int warmupIterations, TimeValue warmupTime, int measurementIterations,
           TimeValue measurementTime) {
        this.threads = threads;
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupTime = warmupTime;
        this.measurementIterations = measurementIterations;
        this.measurementTime = measurementTime;
    }

    /** Thread counts, one JMH run each. */
    public List<Integer> threads() {
        return threads;
    }

    public int forks() {
        return forks;
    }

    public int warmupIterations() {
        return warmupIterations;
    }

    public TimeValue warmupTime() {
        return warmupTime;
    }

    public int measurementIterations() {
        return measurementIterations;
    }

    public TimeValue measurementTime() {
        return measurementTime;
    }

    /** The command-line spelling: {@code quick}, {@code full}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
