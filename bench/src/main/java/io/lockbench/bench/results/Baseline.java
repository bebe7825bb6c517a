package io.lockbench.bench.results;

import io.lockbench.impl.catalog.Strategy;
import java.util.Arrays;
import java.util.Optional;

/**
 * The raw baselines each strategy is divided by: the same single-row write with no locking logic,
 * measured in the same run, on the same backend, keys and threads. Unique-constraint sequencing
 * adds rows, so its baseline is a plain INSERT; the others change a row, so theirs is a plain UPDATE.
 */
public enum Baseline {
    RAW_UPDATE("rawUpdate"),
    RAW_INSERT("rawInsert");

    /** The benchmark class both baselines live in. */
    public static final String BENCHMARK_CLASS = "io.lockbench.bench.RawWriteBenchmark";

    private final String method;

    Baseline(String method) {
        this.method = method;
    }

    public String method() {
        return method;
    }

    /** The fully qualified JMH benchmark name. */
    public String benchmark() {
        return BENCHMARK_CLASS + "." + method;
    }

    public static Baseline of(Strategy strategy) {
        return strategy == Strategy.UNIQUE_SEQUENCING ? RAW_INSERT : RAW_UPDATE;
    }

    /** The baseline a benchmark name is, if it is one. */
    public static Optional<Baseline> ofBenchmark(String benchmark) {
        return Arrays.stream(values()).filter(b -> b.benchmark().equals(benchmark)).findFirst();
    }
}
