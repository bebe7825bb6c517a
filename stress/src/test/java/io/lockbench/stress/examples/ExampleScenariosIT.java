package io.lockbench.stress.examples;

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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every scenario under {@code scenarios/examples/}, a team's strategy written as SQL, run on both
 * backends: each must get the verdict it declares there ({@code expect:}, per backend where they
 * differ), with its declared anomaly when invalid. The measured verdicts and failure rates go to
 * {@code target/examples-table.md}. Three run at a time (junit-platform.properties): each has its
 * own database and clients.
 */
@Execution(ExecutionMode.CONCURRENT)
class ExampleScenariosIT {

    static final Path DIR = Path.of("..", "scenarios", "examples");
    static final Path TABLE = Path.of("target", "examples-table.md");

    @TempDir
    static Path runs;

    static List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    static Stream<Arguments> cases() throws IOException {
        return files().stream().flatMap(f -> Stream.of(Backend.SQLITE, Backend.POSTGRESQL)
                .map(b -> Arguments.of(f.getFileName().toString(), b)));
    }

    @BeforeAll
    static void startTable() throws IOException {
        Files.createDirectories(TABLE.getParent());
        Files.writeString(TABLE, "| example | backend | expected | verdict | anomalies | ops | not ok by cause |\n"
                + "|---|---|---|---|---|---:|---|\n");
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void eachExampleGetsItsDeclaredVerdict(String file, Backend backend) throws IOException {
        RunOptions options = RunsOnBackend.options(RunOptions.quiet(runs), backend);
        String name = backend.name().toLowerCase(Locale.ROOT);
        Scenario scenario = ScenarioFiles.read(DIR.resolve(file), Map.of("backend", name));
        assertThat(scenario.expectedOn(name)).as("%s declares expect for %s", file, name).isNotNull();

        RunOutcome outcome = Runner.run(scenario, options);

        RunResults r = outcome.results();
        record(file, backend, r);
        assertThat(r.problems()).as("problems of the run in %s", outcome.directory()).isNull();
        assertThat(r.verdict()).as("verdict of %s on %s (%s)", file, name, outcome.directory().resolve("summary.md"))
                .isEqualTo(scenario.expectedOn(name));
        assertThat(r.asExpected()).as("declared anomaly %s among %s", scenario.anomaly(), anomalies(r)).isTrue();
    }

    private static String anomalies(RunResults r) {
        return r.checkers().stream().flatMap(c -> c.anomalies().stream()).map(RunResults.AnomalyFound::type)
                .distinct().collect(Collectors.joining(", "));
    }

    private static synchronized void record(String file, Backend backend, RunResults r) throws IOException {
        String causes = r.failuresByKind().entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.1f%%", e.getKey(), 100 * e.getValue().share()))
                .collect(Collectors.joining(", "));
        Files.writeString(TABLE, String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %,d | %s |%n", file,
                backend.displayName(), r.expected(), r.verdict(), anomalies(r), r.ops().total(), causes),
                StandardOpenOption.APPEND);
    }
}
