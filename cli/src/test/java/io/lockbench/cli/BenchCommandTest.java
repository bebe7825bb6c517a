package io.lockbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    @Test
    void quickAndFullTogether_isAUsageError() {
        CommandRun run = CommandRun.of("bench", "--quick", "--full");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--quick").contains("--full").contains("mutually exclusive");
    }

    @Test
    void anUnknownBackend_listsTheValidOnes() {
        CommandRun run = CommandRun.of("bench", "--backend", "mysql");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("unknown backend 'mysql'; valid: sqlite, postgres, all");
    }

    @Test
    void aBackendGivenAsAJmhParameter_saysToUseTheFlag() {
        CommandRun run = CommandRun.of("bench", "--quick", "--backend", "sqlite", "-p", "backend=sqlite");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--backend sqlite|postgres|all, not -p backend=");
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void aJmhOptionThatDoesNotExist_isOneClearError() {
        CommandRun run = CommandRun.of("bench", "--quick", "--backend", "sqlite", "-wat");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("lockbench: bad JMH option").contains("benchmarks.jar -h");
    }

    @Test
    void theSummaryOfAFileThatIsNotJmhJson_namesTheFileAndLine(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("r.json"), "[\n{]");

        CommandRun run = CommandRun.of("bench", "--summary", bad.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("lockbench: " + bad + ":2: not JSON");
    }

    @Test
    void theRecordedCommand_quotesWhatAShellWouldSplitOrExpand() {
        assertThat(BenchCommand.commandLine(List.of("bench", "--quick", "-p", "keys=1,16", "\\.(a|b)$", "it's")))
                .isEqualTo("lockbench bench --quick -p keys=1,16 '\\.(a|b)$' 'it'\\''s'");
    }
}
