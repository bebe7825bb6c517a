package io.lockbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lockbench bench} end to end on SQLite, with only the baselines and the smallest run. */
class BenchCommandIT {

    @Test
    void aQuickRun_printsProgressAndTheSummary_andWritesJmhJsonThatSummaryReadsBack(@TempDir Path dir) {
        Path results = dir.resolve("results.json");

        CommandRun run = CommandRun.of("bench", "--quick", "--backend", "sqlite", "-p", "keys=1", "-t", "1",
                "-w", "50ms", "-r", "100ms", "-rff", results.toString(), "RawWrite");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("[1/4]").contains("SQLite").contains("journal_mode=WAL")
                .contains("synchronous=NORMAL").contains("rawUpdate*").contains("rawInsert*")
                .contains("results: " + results);
        assertThat(Files.exists(results)).isTrue();
        assertThat(results.resolveSibling("results.jmh.log")).exists();

        CommandRun summary = CommandRun.of("bench", "--summary", results.toString());

        assertThat(summary.exit()).isZero();
        assertThat(summary.out().lines().filter(l -> l.startsWith("sqlite"))).hasSize(2);
    }
}
