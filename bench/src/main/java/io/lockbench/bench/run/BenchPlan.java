package io.lockbench.bench.run;

import io.lockbench.bench.results.Baseline;
import io.lockbench.impl.db.Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH runs that make up one {@code lockbench bench}: one per benchmark mode and thread count
 * (JMH takes one thread count per run), each over every selected benchmark, backend and key count.
 * The preset fills in what the user's JMH options leave open; the raw baseline is always included,
 * so every result has a ratio.
 */
public final class BenchPlan {

    /** Every lockbench benchmark (and nothing a library might bring). */
    static final String ALL_BENCHMARKS = "^io\\.lockbench\\.bench\\.\\w+Benchmark\\.";
    static final List<Mode> MODES = List.of(Mode.Throughput, Mode.SampleTime);

    private final List<Options> runs;
    private final Optional<Path> resultFile;
    private final int benchmarks;
    private final double secondsPerBenchmark;

    private BenchPlan(List<Options> runs, Optional<Path> resultFile, int benchmarks, double secondsPerBenchmark) {
        this.runs = runs;
        this.resultFile = resultFile;
        this.benchmarks = benchmarks;
        this.secondsPerBenchmark = secondsPerBenchmark;
    }

    /**
     * Builds the runs; JMH options that do not parse, or that lockbench sets itself, fail with an
     * {@link IllegalArgumentException} that says what to write instead.
     */
    public static BenchPlan of(BenchRequest request, OutputFormat quiet) {
        List<String> args = new ArrayList<>(request.jmhArgs());
        Optional<Path> resultFile = takeValue(args, "-rff").map(Path::of);
        takeValue(args, "-rf").ifPresent(format -> {
            if (!format.equalsIgnoreCase(ResultFormatType.JSON.name())) {
                throw new IllegalArgumentException("-rf " + format + ": lockbench bench writes JMH's JSON only (-rf json)");
            }
        });
        CommandLineOptions user = parse(args);
        if (user.getParameter("backend").hasValue()) {
            throw new IllegalArgumentException("choose backends with --backend sqlite|postgres|all, not -p backend=…");
        }
        List<Mode> modes = user.getBenchModes().isEmpty() ? MODES : List.copyOf(user.getBenchModes());
        List<Integer> threads = user.getThreads().hasValue() ? List.of(user.getThreads().get())
                : request.preset().threads();
        String[] backends = backendNames(request.backends()).toArray(String[]::new);
        Preset preset = request.preset();

        List<Options> runs = new ArrayList<>();
        for (Mode mode : modes) {
            for (int t : threads) {
                ChainedOptionsBuilder b = new OptionsBuilder().parent(user)
                        .mode(mode).threads(t).param("backend", backends)
                        .shouldFailOnError(user.shouldFailOnError().orElse(true));
                if (user.getIncludes().isEmpty()) {
                    b.include(ALL_BENCHMARKS);
                } else {
                    b.include("^" + Pattern.quote(Baseline.BENCHMARK_CLASS) + "\\.");
                }
                if (!user.getTimeUnit().hasValue()) {
                    b.timeUnit(mode == Mode.Throughput ? TimeUnit.SECONDS : TimeUnit.MICROSECONDS);
                }
                if (!user.getForkCount().hasValue()) {
                    b.forks(preset.forks());
                }
                if (!user.getWarmupIterations().hasValue()) {
                    b.warmupIterations(preset.warmupIterations());
                }
                if (!user.getWarmupTime().hasValue()) {
                    b.warmupTime(preset.warmupTime());
                }
                if (!user.getMeasurementIterations().hasValue()) {
                    b.measurementIterations(preset.measurementIterations());
                }
                if (!user.getMeasurementTime().hasValue()) {
                    b.measurementTime(preset.measurementTime());
                }
                runs.add(b.build());
            }
        }
        Options first = runs.get(0);
        int perRun = count(first, quiet);
        if (perRun == 0) {
            throw new IllegalArgumentException("no benchmark matches " + first.getIncludes());
        }
        return new BenchPlan(List.copyOf(runs), resultFile, perRun * runs.size(), secondsPer(first));
    }

    /** The JMH runs, in order. */
    public List<Options> runs() {
        return runs;
    }

    /** The results file the user named with {@code -rff}, if any. */
    public Optional<Path> resultFile() {
        return resultFile;
    }

    /** Benchmarks in all runs (JMH's unit of progress: one method, mode, thread count and parameter set). */
    public int benchmarks() {
        return benchmarks;
    }

    /** A first guess of one benchmark's wall time, before any has finished. */
    public double secondsPerBenchmark() {
        return secondsPerBenchmark;
    }

    private static CommandLineOptions parse(List<String> args) {
        try {
            return new CommandLineOptions(args.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new IllegalArgumentException("bad JMH option: " + e.getMessage()
                    + " (JMH's options: java -jar bench/target/benchmarks.jar -h)", e);
        }
    }

    /** Removes {@code option VALUE} from {@code args} and returns the value. */
    private static Optional<String> takeValue(List<String> args, String option) {
        int i = args.indexOf(option);
        if (i < 0) {
            return Optional.empty();
        }
        if (i + 1 >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        String value = args.get(i + 1);
        args.subList(i, i + 2).clear();
        return Optional.of(value);
    }

    /** Benchmarks one run will execute: each selected method times its parameter combinations. */
    static int count(Options options, OutputFormat quiet) {
        Set<String> seen = new LinkedHashSet<>();
        int total = 0;
        for (BenchmarkListEntry e : BenchmarkList.defaultList().find(quiet, options.getIncludes(), options.getExcludes())) {
            if (!seen.add(e.getUsername())) {
                continue; // one entry per mode; the run sets the mode
            }
            int combinations = 1;
            for (Map.Entry<String, String[]> p : e.getParams().orElse(Map.of()).entrySet()) {
                Optional<Collection<String>> given = Optional.ofNullable(
                        options.getParameter(p.getKey()).orElse(null));
                combinations *= given.map(Collection::size).orElse(p.getValue().length);
            }
            total += combinations;
        }
        return total;
    }

    private static double secondsPer(Options o) {
        int forks = o.getForkCount().orElse(1);
        double iterations = o.getWarmupIterations().orElse(1) * seconds(o.getWarmupTime().orElse(TimeValue.seconds(1)))
                + o.getMeasurementIterations().orElse(1) * seconds(o.getMeasurementTime().orElse(TimeValue.seconds(1)));
        // Setup (a scratch file or schema, the pool, the starting rows, threads meeting at the
        // iteration edges): about 1.7 s a benchmark on the 2-core build machine, measured over a
        // whole quick run; a fork adds a JVM start.
        return Math.max(1, forks) * (iterations + (forks == 0 ? 1.7 : 3.0));
    }

    private static double seconds(TimeValue t) {
        return t.convertTo(TimeUnit.MILLISECONDS) / 1000.0;
    }

    /** The {@code backend} parameter's values: {@code sqlite}, {@code postgresql}. */
    static List<String> backendNames(List<Backend> backends) {
        return backends.stream().map(b -> b.name().toLowerCase(Locale.ROOT)).toList();
    }
}
