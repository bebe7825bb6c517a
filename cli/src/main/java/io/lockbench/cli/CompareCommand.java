package io.lockbench.cli;

import io.lockbench.bench.run.BenchRequest;
import io.lockbench.bench.run.BenchRunner;
import io.lockbench.bench.run.Preset;
import io.lockbench.impl.db.Backend;
import io.lockbench.reports.ReportFiles;
import io.lockbench.reports.ReportInputException;
import io.lockbench.servers.PostgresServer;
import io.lockbench.stress.detection.DetectionTable;
import io.lockbench.stress.runner.Progress;
import io.lockbench.stress.runner.RunOptions;
import io.lockbench.stress.runner.RunOutcome;
import io.lockbench.stress.runner.RunResults;
import io.lockbench.stress.runner.Runner;
import io.lockbench.stress.scenario.Scenario;
import io.lockbench.stress.scenario.Scenarios;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lockbench compare}: the main job. Benchmarks every strategy on each backend, runs the
 * detection scenarios of every strategy, then writes the report. Everything goes under {@code
 * compare/<UTC time>/} ({@code compare/latest} points at the newest): {@code bench/<backend>.json},
 * {@code runs/<backend>/…}, {@code report.html} and {@code report.md}. Each result is on disk as
 * soon as it is done, so ^C loses at most the step in progress, and the report is then made from
 * what was finished.
 */
@Command(name = "compare",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Benchmarks every strategy (lockbench bench), runs the detection scenarios of every strategy and its "
                    + "broken twins (lockbench run), then writes the report (lockbench report) and prints its paths.",
            "Output: compare/<UTC time>/ with bench/, runs/, report.html and report.md; compare/latest points at it.",
            "Exit status: 0 every detection row as expected, 1 some row not (a correct strategy found invalid, or a "
                    + "twin not caught), 2 error or interrupted."
        })
final class CompareCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--backend", paramLabel = "sqlite|postgres|all",
            description = "Backends to compare on (default: SQLite, and PostgreSQL too when LOCKBENCH_PG_URL is set).")
    String backend;

    @ArgGroup(exclusive = true)
    PresetChoice presetChoice;

    static final class PresetChoice {
        @Option(names = "--quick", description = "Benchmarks in bench's quick preset (no error bars: figures lean, "
                + "they do not decide) and each variant with no fault and under one fault.")
        boolean quick;

        @Option(names = "--full", description = "Benchmarks in bench's full preset and every detection row (the default).")
        boolean full;
    }

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "compare",
            description = "Where comparison directories go (default: ${DEFAULT-VALUE}).")
    Path root;

    private enum Phase { BENCH, STRESS, REPORT }

    private volatile Phase phase = Phase.BENCH;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Backend> backends = BenchCommand.backends(backend, spec.commandLine());
        boolean quick = presetChoice != null && presetChoice.quick;
        Path dir = root.resolve(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
                .format(ZonedDateTime.now(ZoneOffset.UTC)));
        Files.createDirectories(dir);
        pointLatestAt(dir);
        String command = BenchCommand.commandLine(spec.commandLine().getParseResult().originalArgs());
        out.println("lockbench compare (" + (quick ? "quick" : "full") + ") on "
                + String.join(" and ", backends.stream().map(Backend::displayName).toList()) + ": " + dir);
        out.flush();

        AtomicBoolean cancel = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> interrupted(cancel, finished, dir, out), "lockbench-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            for (Backend b : backends) {
                out.println();
                out.println("== benchmarks on " + b.displayName());
                out.flush();
                // -rff: where JMH's results go, as a user would give it to lockbench bench
                Path results = dir.resolve("bench").resolve(name(b) + ".json");
                BenchRunner.run(new BenchRequest(List.of(b), quick ? Preset.QUICK : Preset.FULL,
                        List.of("-rff", results.toString()), Optional.of(results), command), out);
            }
            phase = Phase.STRESS;
            boolean allAsExpected = true;
            for (Backend b : backends) {
                allAsExpected &= detection(b, quick, dir, command, cancel, out);
                if (cancel.get()) {
                    break;
                }
            }
            phase = Phase.REPORT;
            ReportFiles.Written report = report(dir, out);
            out.println("report: " + report.html().toAbsolutePath());
            out.println("summary: " + report.markdown().toAbsolutePath());
            out.flush();
            if (cancel.get()) {
                return Lockbench.EXIT_ERROR;
            }
            return allAsExpected ? Lockbench.EXIT_VALID : Lockbench.EXIT_INVALID;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // ^C: the hook finishes the report and exits
            }
        }
    }

    /** Runs the backend's detection rows one after another; false if some verdict was not the expected one. */
    private boolean detection(Backend b, boolean quick, Path dir, String command, AtomicBoolean cancel, PrintWriter out) {
        List<DetectionTable.Row> rows = CompareRows.of(b, quick);
        out.println();
        out.println("== detection table on " + b.displayName() + ": " + rows.size() + " runs");
        out.flush();
        RunOptions options = new RunOptions(dir.resolve("runs").resolve(name(b)), null, null, Progress.Mode.QUIET,
                new PrintStream(PrintStream.nullOutputStream()), false, null, cancel, command);
        if (b == Backend.POSTGRESQL) {
            PostgresServer server = new PostgresOptions().server();
            options = options.withPostgresUrl(server.jdbcUrl(), server.description());
        }
        boolean allAsExpected = true;
        int n = 0;
        for (DetectionTable.Row row : rows) {
            if (cancel.get()) {
                break;
            }
            Scenario scenario = Scenarios.resolve(DetectionTable.scenario(row).withBackend(backendName(b)),
                    "detection table row " + row.fileName());
            try {
                RunOutcome outcome = Runner.run(scenario, options);
                RunResults r = outcome.results();
                allAsExpected &= !Boolean.FALSE.equals(r.asExpected());
                out.printf(Locale.ROOT, "[%d/%d] %-40s %s%s%n", ++n, rows.size(), r.scenario(),
                        r.verdict().toUpperCase(Locale.ROOT), r.asExpected() == null ? ""
                                : r.asExpected() ? " (as expected)" : r.verdict().equals(r.expected())
                                ? " (NOT THE DECLARED ANOMALY: " + r.expectedAnomaly() + ")"
                                : " (EXPECTED " + r.expected().toUpperCase(Locale.ROOT) + ")");
            } catch (IOException | RuntimeException e) {
                allAsExpected = false;
                out.printf(Locale.ROOT, "[%d/%d] %-40s ERROR %s%n", ++n, rows.size(), scenario.name(), e.getMessage());
            }
            out.flush();
        }
        return allAsExpected;
    }

    private static ReportFiles.Written report(Path dir, PrintWriter out) throws IOException {
        List<Path> inputs = new ArrayList<>();
        for (String part : List.of("bench", "runs")) {
            if (Files.isDirectory(dir.resolve(part))) {
                inputs.add(dir.resolve(part));
            }
        }
        out.println();
        out.println("== report");
        out.flush();
        if (inputs.isEmpty()) {
            throw new ReportInputException(dir + ": nothing finished to report on");
        }
        return ReportCommand.render(inputs, dir.resolve("report.html"));
    }

    /**
     * ^C: a stress run in progress stops, heals its faults and writes its files, and the report is
     * made from everything finished. A benchmark in progress is abandoned (JMH writes its results
     * only at the end of a backend), and the report is made from what is on disk.
     */
    private void interrupted(AtomicBoolean cancel, CountDownLatch finished, Path dir, PrintWriter out) {
        cancel.set(true);
        try {
            if (phase == Phase.BENCH) {
                out.println();
                out.println("interrupted during the benchmarks; the report covers what finished");
                try {
                    ReportFiles.Written report = report(dir, out);
                    out.println("report: " + report.html().toAbsolutePath());
                } catch (IOException | RuntimeException e) {
                    out.println("no report: " + e.getMessage());
                }
                out.flush();
            } else {
                finished.await(2, TimeUnit.MINUTES); // the run writes its files, then the report is made
            }
        } catch (InterruptedException ignored) {
            // exit anyway
        }
        Runtime.getRuntime().halt(Lockbench.EXIT_ERROR);
    }

    /** {@code compare/latest} → the newest directory, as {@code runs/latest} is for runs. */
    private static void pointLatestAt(Path dir) {
        Path latest = dir.resolveSibling("latest");
        try {
            Files.deleteIfExists(latest);
            Files.createSymbolicLink(latest, dir.getFileName());
        } catch (IOException | UnsupportedOperationException e) {
            // a file system without links: the timestamped directory is all there is
        }
    }

    private static String name(Backend b) {
        return b == Backend.SQLITE ? "sqlite" : "postgres";
    }

    private static String backendName(Backend b) {
        return b == Backend.SQLITE ? "sqlite" : "postgresql";
    }
}
