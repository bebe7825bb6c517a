package io.lockbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands never change or lose what the user has. */
class OutputSafetyTest {

    @TempDir
    Path dir;

    private static final String HISTORY = "; a comment the JSON side cannot hold\n"
            + "{:type :invoke, :f :read, :process 0, :custom-field 1}\n{:type :ok, :f :read, :process 0, :value 3}\n";

    @Test
    void convertOntoItsOwnInput_isRefused_howeverTheOutputIsNamed() throws IOException {
        Path in = Files.writeString(dir.resolve("h.edn"), HISTORY);
        Path link = Files.createSymbolicLink(dir.resolve("link.edn"), in);
        String dotted = dir.resolve(".").resolve("h.edn").toString();

        for (String out : new String[] {in.toString(), dotted, link.toString()}) {
            CommandRun run = CommandRun.of("convert", in.toString(), out);

            assertThat(run.exit()).as(out).isEqualTo(2);
            assertThat(run.err()).as(out).contains(out + " is the input file itself; write to another file");
        }
        assertThat(Files.readString(in)).isEqualTo(HISTORY);
    }

    @Test
    void aFailedConvert_leavesTheExistingOutputAsItWas() throws IOException {
        Path in = Files.writeString(dir.resolve("h.edn"), HISTORY + "{:type :ok, :f :read, :process 0, :value \"open\n");
        Path out = Files.writeString(dir.resolve("out.jsonl"), "precious\n");

        CommandRun run = CommandRun.of("convert", in.toString(), out.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(Files.readString(out)).isEqualTo("precious\n");
    }

    @Test
    void synthWithBadSettings_leavesTheExistingFileAsItWas() throws IOException {
        Path out = Files.writeString(dir.resolve("h.jsonl"), "precious\n");

        CommandRun run = CommandRun.of("synth", "--processes", "2000000000", "-o", out.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(Files.readString(out)).isEqualTo("precious\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }
}
