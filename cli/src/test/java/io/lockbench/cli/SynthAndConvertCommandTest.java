package io.lockbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthAndConvertCommandTest {

    @TempDir
    Path dir;

    @Test
    void aSynthesizedHistoryChecksValid() {
        Path h = dir.resolve("h.jsonl");

        CommandRun synth = CommandRun.of("synth", "--ops", "2000", "--keys", "3", "--processes", "6", "--info", "0.1",
                "-o", h.toString());

        assertThat(synth.exit()).isZero();
        assertThat(synth.err()).contains("wrote 4000 records to " + h);
        CommandRun check = CommandRun.of("check", h.toString());
        assertThat(check.exit()).as(check.out()).isZero();
    }

    @Test
    void aBrokenSynthesizedHistoryChecksInvalid() {
        Path h = dir.resolve("h.edn");

        CommandRun synth = CommandRun.of("synth", "--ops", "2000", "--values", "0", "--break", "stale-read",
                "-o", h.toString());

        assertThat(synth.exit()).isZero();
        assertThat(synth.err()).contains("changed from", "to stale");
        assertThat(CommandRun.of("check", h.toString()).exit()).isEqualTo(1);
    }

    @Test
    void synthRejectsBadSettings() {
        CommandRun run = CommandRun.of("synth", "--model", "queue", "-o", dir.resolve("h.jsonl").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for option '--model': 'queue' (expected one of register, cas-register, versioned)");
    }

    @Test
    void convertingToEdnAndBackKeepsTheHistory() throws Exception {
        Path jsonl = dir.resolve("h.jsonl");
        Path edn = dir.resolve("h.edn");
        Path back = dir.resolve("back.jsonl");
        CommandRun.of("synth", "--ops", "500", "--keys", "2", "-o", jsonl.toString());

        assertThat(CommandRun.of("convert", jsonl.toString(), edn.toString()).exit()).isZero();
        assertThat(Files.readString(edn)).startsWith("{:index 0, :type :invoke");
        assertThat(CommandRun.of("convert", "--independent", edn.toString(), back.toString()).exit()).isZero();

        assertThat(Files.readString(back)).isEqualTo(Files.readString(jsonl));
        assertThat(CommandRun.of("check", "--independent", edn.toString()).exit()).isZero();
    }
}
