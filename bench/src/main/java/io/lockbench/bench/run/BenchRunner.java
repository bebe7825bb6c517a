package io.lockbench.bench.run;

import io.lockbench.bench.results.BenchFile;
import io.lockbench.bench.results.BenchSummary;
import io.lockbench.bench.results.SummaryRow;
import io.lockbench.impl.db.Backend;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@code lockbench bench}: checks every backend and records its settings, runs the JMH plan
 * with one progress line per benchmark, then writes the results file (JMH's JSON plus the
 * environment and the baseline ratios) and returns it with its summary.
 */
public final class BenchRunner {

    /** Where results go unless the user says otherwise: {@code store/bench/<UTC time>/results.json}. */
    public static final Path STORE = Path.of("store", "bench");

    private BenchRunner() {
    }

    /** What a run left behind. */
    public record Outcome(Path resultsFile, Path logFile, BenchFile results, List<SummaryRow> summary) {
    }

    /**
     * @throws IllegalArgumentException bad JMH options (the message says what to write instead)
     * @throws IllegalStateException    a backend that cannot be reached, or a benchmark that failed
     *                                  (the message names the JMH log and quotes its end)
     */
    public static Outcome run(BenchRequest request, PrintWriter console) {
        OutputFormat silent = OutputFormatFactory.createFormatInstance(
                new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8), VerboseMode.SILENT);
        BenchPlan plan = BenchPlan.of(request, silent);
        Path results = plan.resultFile().orElseGet(() -> STORE.resolve(
                DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
                        .format(ZonedDateTime.now(ZoneOffset.UTC))).resolve("results.json"));
        Path log = results.resolveSibling(stem(results) + ".jmh.log");

        Map<Backend, Map<String, Object>> databases = new LinkedHashMap<>();
        for (Backend backend : request.backends()) {
            databases.put(backend, DatabaseFacts.probe(backend));
        }
        Map<String, Object> environment = RunEnvironment.atStart(request, databases);
        console.printf(Locale.ROOT, "lockbench bench (%s): %d benchmarks, about %s%n", request.preset().cliName(),
                plan.benchmarks(), ProgressOutput.clock(plan.benchmarks() * plan.secondsPerBenchmark()));
        databases.values().forEach(facts -> console.println("  " + describe(facts)));
        console.println("  results: " + results + "   JMH log: " + log);

        List<RunResult> all = new ArrayList<>();
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            try (PrintStream logStream = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
                OutputFormat progress = new ProgressOutput(
                        OutputFormatFactory.createFormatInstance(logStream, VerboseMode.NORMAL), console,
                        plan.benchmarks(), plan.secondsPerBenchmark());
                for (Options run : plan.runs()) {
                    all.addAll(new Runner(run, progress).run());
                }
            }
            RunEnvironment.atEnd(environment);
            BenchFile written = ResultsWriter.write(all, environment, results);
            return new Outcome(results, log, written, BenchSummary.of(written.results()));
        } catch (RunnerException e) {
            console.println();
            if (String.valueOf(e.getMessage()).contains("JMH lock")) {
                // JMH allows one run per machine: two at once would disturb each other's figures.
                throw new IllegalStateException("another JMH run is going on on this machine (it holds the JMH lock "
                        + "file in " + System.getProperty("java.io.tmpdir") + "): wait for it to finish, or run anyway "
                        + "with LOCKBENCH_JAVA_OPTS=-Djmh.ignoreLock=true (both runs' figures will suffer)", e);
            }
            throw new IllegalStateException("a benchmark failed (" + e.getMessage() + "); the end of the JMH log ("
                    + log + "):\n" + tail(log, 25), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + results + ": " + e.getMessage(), e);
        }
    }

    private static String describe(Map<String, Object> facts) {
        StringBuilder s = new StringBuilder(String.valueOf(facts.get("backend")));
        for (String key : List.of("version", "server_version", "journal_mode", "synchronous", "fsync",
                "synchronous_commit", "url")) {
            if (facts.containsKey(key)) {
                s.append(key.equals("version") || key.equals("server_version") ? " " : ", " + key + "=")
                        .append(facts.get(key));
            }
        }
        return s.toString();
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read it: " + e.getMessage() + ")";
        }
    }
}
