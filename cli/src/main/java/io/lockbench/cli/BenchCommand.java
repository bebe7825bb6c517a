package io.lockbench.cli;

import io.lockbench.bench.fixture.Scratch;
import io.lockbench.bench.results.BenchFile;
import io.lockbench.bench.results.BenchSummary;
import io.lockbench.bench.results.SummaryTable;
import io.lockbench.bench.run.BenchRequest;
import io.lockbench.bench.run.BenchRunner;
import io.lockbench.bench.run.Preset;
import io.lockbench.impl.db.Backend;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code lockbench bench}: the JMH benchmarks of every strategy, backend and contention level,
 * with progress, a results file (JMH's JSON plus the environment and the baseline ratios) and a
 * printed summary.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Benchmarks every strategy (and the broken twins) against a raw baseline, with JMH, at 1, 16 and "
                    + "1,024 keys and 1, 4 and 16 threads, in throughput and sample-time (latency) mode.",
            "Writes JMH's JSON with lockbench's additions to store/bench/<UTC time>/results.json (or -rff FILE) "
                    + "and prints a summary with each result's ratio to the baseline.",
            "Any other option is JMH's own and overrides the preset: -p keys=16, -t 4, -f 2, -wi 2, -i 5, "
                    + "-r 5s, a benchmark regex such as Optimistic.",
            "Exit status: 0 done, 2 error (bad option, unreachable database, a benchmark that failed)."
        })
final class BenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--backend", paramLabel = "sqlite|postgres|all",
            description = "Backends to measure (default: SQLite, and PostgreSQL too when LOCKBENCH_PG_URL is set).")
    String backend;

    @ArgGroup(exclusive = true)
    PresetChoice presetChoice;

    static final class PresetChoice {
        @Option(names = "--quick", description = "A smoke run: 1 and 16 threads, no fork, 0.1 s warm-up, one 0.2 s measurement per "
                + "benchmark, 156 benchmarks per backend. Shows that everything runs, not how fast.")
        boolean quick;

        @Option(names = "--full", description = "Figures to quote (the default): a JVM per benchmark, 1 s warm-up, "
                + "five 2 s measurements, 234 benchmarks per backend.")
        boolean full;
    }

    @Option(names = "--summary", paramLabel = "RESULTS_JSON",
            description = "Print the summary of an existing JMH JSON file (ours, or java -jar benchmarks.jar -rf json) "
                    + "and run nothing.")
    Path summaryOf;

    @Unmatched
    List<String> jmhArgs = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (summaryOf != null) {
            out.print(SummaryTable.render(BenchSummary.of(BenchFile.read(summaryOf).results())));
            out.flush();
            return Lockbench.EXIT_VALID;
        }
        BenchRequest request = new BenchRequest(backends(), preset(), jmhArgs, Optional.empty(),
                commandLine(spec.commandLine().getParseResult().originalArgs()));
        BenchRunner.Outcome outcome = BenchRunner.run(request, out);
        out.println();
        out.print(SummaryTable.render(outcome.summary()));
        out.println("results: " + outcome.resultsFile() + "   JMH log: " + outcome.logFile());
        out.flush();
        return Lockbench.EXIT_VALID;
    }

    /** The command as typed, each argument quoted when a shell would need it, so it can be run again. */
    static String commandLine(List<String> args) {
        StringBuilder line = new StringBuilder("lockbench");
        for (String arg : args) {
            line.append(' ').append(arg.matches("[\\w@%+=:,./-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return line.toString();
    }

    private Preset preset() {
        return presetChoice != null && presetChoice.quick ? Preset.QUICK : Preset.FULL;
    }

    private List<Backend> backends() {
        return backends(backend, spec.commandLine());
    }

    /**
     * The backends {@code --backend} names; without it SQLite, and PostgreSQL too when
     * LOCKBENCH_PG_URL is set. {@code lockbench compare} chooses the same way.
     */
    static List<Backend> backends(String backend, CommandLine commandLine) {
        boolean pgConfigured = System.getenv(Scratch.PG_URL_ENV) != null && !System.getenv(Scratch.PG_URL_ENV).isBlank();
        if (backend == null) {
            return pgConfigured ? List.of(Backend.SQLITE, Backend.POSTGRESQL) : List.of(Backend.SQLITE);
        }
        List<Backend> chosen = switch (backend.toLowerCase(Locale.ROOT)) {
            case "all" -> List.of(Backend.SQLITE, Backend.POSTGRESQL);
            case "sqlite" -> List.of(Backend.SQLITE);
            case "postgres", "postgresql", "pg" -> List.of(Backend.POSTGRESQL);
            default -> throw new CommandLine.ParameterException(commandLine,
                    "unknown backend '" + backend + "'; valid: sqlite, postgres, all");
        };
        if (chosen.contains(Backend.POSTGRESQL) && !pgConfigured) {
            Scratch.postgresUrl(); // fails with how to set it
        }
        return chosen;
    }
}
