package io.lockbench.stress.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.db.Backend;
import io.lockbench.stress.runner.RunOptions;
import io.lockbench.stress.runner.RunsOnBackend;
import io.lockbench.stress.runner.RunOutcome;
import io.lockbench.stress.runner.RunResults;
import io.lockbench.stress.runner.Runner;
import io.lockbench.stress.scenario.Scenario;
import io.lockbench.stress.scenario.ScenarioFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The detection table, run: every row of {@link DetectionTable} from its committed scenario file,
 * on each of its backends, with its fault really injected. Each broken twin must be invalid with
 * its declared anomaly; each correct variant valid. The measured table (verdicts and the failure
 * rates by error class) is written to {@code target/detection-table.md}. Rows whose clients are
 * threads run three at a time (see junit-platform.properties): each has its own database, proxy and
 * clients. Rows whose clients are processes (a JVM each) run one at a time, as a crash is only a
 * fault while the replacement JVMs start in seconds.
 */
class DetectionTableIT {

    static final Path TABLE = Path.of("target", "detection-table.md");

    @TempDir
    static Path runs;

    static Stream<Arguments> threadClientCases() {
        return cases(false);
    }

    static Stream<Arguments> processClientCases() {
        return cases(true);
    }

    private static Stream<Arguments> cases(boolean clientProcesses) {
        return DetectionTable.rows().stream()
                .filter(row -> Boolean.TRUE.equals(readScenario(row, row.backends().get(0)).clientProcesses()) == clientProcesses)
                .flatMap(row -> row.backends().stream()
                        .map(b -> Arguments.of(row.variant().cliName(), row.fault(), b, row)));
    }

    private static Scenario readScenario(DetectionTable.Row row, Backend backend) {
        Path file = DetectionScenariosTest.DIR.resolve(row.fileName());
        return ScenarioFiles.read(file, Map.of("backend", backend.name().toLowerCase(Locale.ROOT)));
    }

    @BeforeAll
    static void startTable() throws IOException {
        Files.createDirectories(TABLE.getParent());
        Files.writeString(TABLE, "| variant | fault | backend | verdict | anomalies | ops | not ok by cause |\n"
                + "|---|---|---|---|---|---:|---|\n");
    }

    @ParameterizedTest(name = "{0} under {1} on {2}")
    @MethodSource("threadClientCases")
    @Execution(ExecutionMode.CONCURRENT)
    void eachBrokenTwinIsCaught_andEachCorrectVariantPasses(String variant, String fault, Backend backend,
                                                              DetectionTable.Row row) throws IOException {
        runRow(row, fault, backend);
    }

    @ParameterizedTest(name = "{0} under {1} on {2}, clients in their own processes")
    @MethodSource("processClientCases")
    void withClientsInTheirOwnProcesses_eachBrokenTwinIsCaught_andEachCorrectVariantPasses(
            String variant, String fault, Backend backend, DetectionTable.Row row) throws IOException {
        runRow(row, fault, backend);
    }

    private void runRow(DetectionTable.Row row, String fault, Backend backend) throws IOException {
        RunOptions options = RunsOnBackend.options(RunOptions.quiet(runs), backend);
        Scenario scenario = readScenario(row, backend);

        RunOutcome outcome = Runner.run(scenario, options);

        RunResults r = outcome.results();
        record(row, backend, r);
        // A client may fail to open while a fault holds (a lock, a killed process): that is no problem of the run.
        assertThat(r.problems() == null ? java.util.List.<String>of() : r.problems())
                .as("problems of the run in %s", outcome.directory())
                .allMatch(p -> p.startsWith("client of process") && p.contains("could not open"));
        assertThat(r.verdict()).as("verdict of %s (%s)", row.fileName(), outcome.directory().resolve("summary.md"))
                .isEqualTo(row.expected());
        assertThat(r.asExpected()).as("declared anomaly %s among %s", scenario.anomaly(), anomalies(r)).isTrue();
        if (!fault.equals(DetectionTable.NO_FAULT)) {
            assertThat(r.faults()).as("fault intervals").isNotEmpty()
                    .allSatisfy(f -> assertThat(f.started()).doesNotStartWith("failed"));
        }
    }

    private static String anomalies(RunResults r) {
        return r.checkers().stream().flatMap(c -> c.anomalies().stream()).map(RunResults.AnomalyFound::type)
                .distinct().collect(Collectors.joining(", "));
    }

    private static synchronized void record(DetectionTable.Row row, Backend backend, RunResults r) throws IOException {
        String causes = r.failuresByKind().entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.1f%%", e.getKey(), 100 * e.getValue().share()))
                .collect(Collectors.joining(", "));
        String line = String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %,d | %s |%n", row.variant().cliName(),
                row.fault(), backend.displayName(), r.verdict(), anomalies(r), r.ops().total(), causes);
        Files.writeString(TABLE, line, StandardOpenOption.APPEND);
    }

    /** Rows finish in any order when they run at once: the table is put back in the order of {@link DetectionTable}. */
    @AfterAll
    static void sortTable() throws IOException {
        java.util.List<String> lines = Files.readAllLines(TABLE);
        java.util.List<String> order = cases(false).map(a -> a.get()[0] + " | " + a.get()[1] + " | ")
                .collect(Collectors.toList());
        order.addAll(cases(true).map(a -> a.get()[0] + " | " + a.get()[1] + " | ").toList());
        java.util.Comparator<String> byRow = java.util.Comparator.comparingInt(line -> {
            for (int i = 0; i < order.size(); i++) {
                if (line.startsWith("| " + order.get(i))) {
                    return i;
                }
            }
            return order.size();
        });
        java.util.List<String> rows = new java.util.ArrayList<>(lines.subList(2, lines.size()));
        rows.sort(byRow);
        java.util.List<String> sorted = new java.util.ArrayList<>(lines.subList(0, 2));
        sorted.addAll(rows);
        Files.write(TABLE, sorted);
    }
}
