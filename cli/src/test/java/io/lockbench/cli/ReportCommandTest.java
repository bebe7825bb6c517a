package io.lockbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    /** A JMH result of the raw baseline and one strategy, in lockbench's format. */
    private static final String BENCH = """
            [ {"benchmark": "io.lockbench.bench.RawWriteBenchmark.rawUpdate", "mode": "thrpt", "threads": 1,
               "params": {"backend": "sqlite", "keys": "1"},
               "primaryMetric": {"score": 1000, "scoreError": 10, "scoreUnit": "ops/s", "rawData": [[990, 1000, 1010]]}},
              {"benchmark": "io.lockbench.bench.OptimisticRetryBenchmark.optimistic", "mode": "thrpt", "threads": 1,
               "params": {"backend": "sqlite", "keys": "1"},
               "primaryMetric": {"score": 900, "scoreError": 10, "scoreUnit": "ops/s", "rawData": [[890, 900, 910]]}} ]
            """;

    @Test
    void benchResults_giveAnHtmlReportAndItsMarkdownBeside(@TempDir Path dir) throws IOException {
        Path results = Files.writeString(dir.resolve("results.json"), BENCH);
        Path html = dir.resolve("out.html");

        CommandRun run = CommandRun.of("report", results.toString(), "-o", html.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("report: " + html).contains("summary: " + dir.resolve("out.md"))
                .contains("note: No stress results were given");
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("report-data");
        assertThat(Files.readString(dir.resolve("out.md"))).contains("| SQLite | optimistic | 1 | 1 | 900 | 0.90× ± 0.01");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("results.json", "out.html", "out.md");
        }
    }

    @Test
    void aMissingInput_isNamed_andNothingIsWritten(@TempDir Path dir) {
        Path html = dir.resolve("report.html");

        CommandRun run = CommandRun.of("report", dir.resolve("gone.json").toString(), "-o", html.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("lockbench: " + dir.resolve("gone.json") + ": no such file or directory" + System.lineSeparator());
        assertThat(html).doesNotExist();
    }

    @Test
    void aMalformedInput_isNamedWithItsLine(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("results.json"), "{\n \"format\": \"lockbench-run/1\",\n ]");

        CommandRun run = CommandRun.of("report", bad.toString(), "-o", dir.resolve("r.html").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("lockbench: " + bad + ":3: not JSON");
    }

    @Test
    void anOutputThatIsADirectory_saysWhatToGive(@TempDir Path dir) throws IOException {
        Path results = Files.writeString(dir.resolve("results.json"), BENCH);

        CommandRun run = CommandRun.of("report", results.toString(), "-o", dir.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("is a directory").contains(dir.resolve("report.html").toString());
    }

    @Test
    void noInput_isAUsageError() {
        CommandRun run = CommandRun.of("report");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter: 'RESULTS'");
    }
}
