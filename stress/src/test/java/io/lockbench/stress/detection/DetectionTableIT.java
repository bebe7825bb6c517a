package io.lockbench.stress.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.testing.DatabaseFixture;
import io.lockbench.impl.testing.PostgresServer;
import io.lockbench.stress.runner.RunOptions;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The detection table, run: every row of {@link DetectionTable} from its committed scenario file,
 * on each of its backends, with its fault really injected. Each broken twin must be invalid with
 * its declared anomaly; each correct variant valid. The measured table (verdicts and the failure
 * rates by error class) is written to {@code target/detection-table.md}.
 */
class DetectionTableIT {

    static final Path TABLE = Path.of("target", "detection-table.md");

    @TempDir
    static Path runs;

    static Stream<Arguments> cases() {
        return DetectionTable.rows().stream().flatMap(row -> row.backends().stream()
                .map(b -> Arguments.of(row.variant().cliName(), row.fault(), b, row)));
    }

    @BeforeAll
    static void startTable() throws IOException {
        Files.createDirectories(TABLE.getParent());
        Files.writeString(TABLE, "| variant | fault | backend | verdict | anomalies | ops | not ok by cause |\n"
                + "|---|---|---|---|---|---:|---|\n");
    }

    @ParameterizedTest(name = "{0} under {1} on {2}")
    @MethodSource("cases")
    void eachBrokenTwinIsCaught_andEachCorrectVariantPasses(String variant, String fault, Backend backend,
                                                              DetectionTable.Row row) throws IOException {
        RunOptions options = RunOptions.quiet(runs);
        if (backend == Backend.POSTGRESQL) {
            DatabaseFixture.assumePostgres();
            options = options.withPostgresUrl(PostgresServer.get().url(), "given");
        }
        Path file = DetectionScenariosTest.DIR.resolve(row.fileName());
        Scenario scenario = ScenarioFiles.read(file, Map.of("backend", backend.name().toLowerCase(Locale.ROOT)));

        RunOutcome outcome = Runner.run(scenario, options);

        RunResults r = outcome.results();
        record(row, backend, r);
        assertThat(r.problems()).as("problems of the run in %s", outcome.directory()).isNull();
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

    @AfterAll
    static void done() {
        // the table stays in target/ for the README and the report
    }
}
