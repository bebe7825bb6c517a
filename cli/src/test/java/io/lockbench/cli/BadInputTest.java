package io.lockbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.checker.Checker;
import io.lockbench.stress.checker.CheckerCatalog;
import io.lockbench.stress.checker.Verdict;
import io.lockbench.stress.history.History;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input: one clear message, the right exit code, no Java class names or stack traces. */
class BadInputTest {

    @TempDir
    Path dir;

    private static void assertNoJavaInside(CommandRun run) {
        assertThat(run.out() + run.err()).doesNotContain("Exception", "java.", "\tat ", "StreamReadConstraints",
                "JsonReadFeature", "maxConfigurations", "infoRate");
    }

    private Path history(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void anEmptyHistory_isUnknownNothingToCheck_forEveryModel() throws IOException {
        Path empty = history("empty.edn", "; no operations\n");
        for (String model : CheckerCatalog.models()) {
            CommandRun run = CommandRun.of("check", "--model", model, empty.toString());

            assertThat(run.exit()).as(model).isEqualTo(2);
            assertThat(run.out()).as(model).contains("UNKNOWN - nothing to check: the history has no operations");
        }
    }

    @Test
    void optionErrors_nameTheOptionAsTyped() throws IOException {
        Path h = history("h.edn", "{:type :invoke, :f :read, :process 0}\n");

        CommandRun timeout = CommandRun.of("check", "--timeout", "9999999999999h", h.toString());
        CommandRun states = CommandRun.of("check", "--max-states", "0", h.toString());
        CommandRun processes = CommandRun.of("synth", "--processes", "2000000000", "-o", dir.resolve("s.jsonl").toString());
        CommandRun info = CommandRun.of("synth", "--info", "1.5", "-o", dir.resolve("s.jsonl").toString());

        assertThat(timeout.err()).contains("Invalid value for option '--timeout': '9999999999999h' is not a duration");
        assertThat(states.err()).contains("Invalid value for option '--max-states': 0 (expected");
        assertThat(processes.err()).contains("Invalid value for option '--processes': 2000000000 (expected 1 to 10,000)");
        assertThat(info.err()).contains("Invalid value for option '--info': 1.5 (expected a fraction from 0 to 1)");
        for (CommandRun run : new CommandRun[] {timeout, states, processes, info}) {
            assertThat(run.exit()).isEqualTo(2);
            assertNoJavaInside(run);
        }
        assertThat(dir.resolve("s.jsonl")).doesNotExist();
    }

    @Test
    void versionsHelp_printsHelpAndExitsZero() {
        for (String[] args : new String[][] {{"versions", "--help"}, {"versions", "duplicates", "--help"},
                {"versions", "repair", "--help"}}) {
            CommandRun run = CommandRun.of(args);

            assertThat(run.exit()).as(String.join(" ", args)).isZero();
            assertThat(run.out()).startsWith("Usage: lockbench versions");
        }
    }

    @Test
    void ioErrors_nameThePathAndTheReason() throws IOException {
        Path missing = dir.resolve("missing.edn");
        Path directory = Files.createDirectory(dir.resolve("adir.edn"));

        CommandRun check = CommandRun.of("check", missing.toString(), directory.toString());
        CommandRun convert = CommandRun.of("convert", missing.toString(), dir.resolve("out.jsonl").toString());
        CommandRun unwritable = CommandRun.of("convert", history("h.edn", "{:type :invoke, :f :read, :process 0}\n").toString(),
                dir.resolve("no/such/dir/out.jsonl").toString());

        assertThat(check.err()).contains(missing + ": no such file", directory + ": is a directory");
        assertThat(convert.err()).contains(missing + ": no such file");
        assertThat(unwritable.err()).contains("cannot write " + dir.resolve("no/such/dir/out.jsonl") + ": no such directory");
        for (CommandRun run : new CommandRun[] {check, convert, unwritable}) {
            assertThat(run.exit()).isEqualTo(2);
            assertNoJavaInside(run);
        }
    }

    @Test
    void badEdn_isOneLineWithFileAndLine() throws IOException {
        Path deep = history("deep.edn", "{:type :ok, :f :read, :process 0, :value " + "[".repeat(3000) + "}\n");
        Path open = history("open.edn", "{:type :ok, :f :read, :process 0, :value \"abc}\n{:type :ok}\n");
        Path latin1 = Files.write(dir.resolve("latin1.jsonl"),
                "{\"type\":\"ok\",\"process\":0,\"f\":\"read\",\"value\":\"caf\u00e9\"}\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        CommandRun run = CommandRun.of("check", deep.toString(), open.toString(), latin1.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly(
                deep + ":1: expected at most 1000 nested collections but found deeper nesting",
                open + ":1: expected a closing \" for the string that starts on this line but the file ended",
                latin1 + ":1: invalid UTF-8 byte 0xe9 at byte 49 of the line; histories are UTF-8 text (convert a "
                        + "Latin-1 file with iconv -f LATIN1 -t UTF-8)");
        assertNoJavaInside(run);
    }

    @Test
    void runningOutOfMemoryDuringACheck_isUnknownWithWhatToChange() throws IOException {
        Path h = history("h.edn", "{:type :invoke, :f :read, :process 0}\n");
        CheckCommand command = new CheckCommand();
        command.maxStates = 5000;
        Checker exhausted = new Checker() {
            @Override
            public String name() {
                return "cas-register";
            }

            @Override
            public CheckResult check(History history) {
                throw new OutOfMemoryError("Java heap space");
            }
        };

        FileVerdict verdict = command.checkFile(exhausted, h, null);

        assertThat(verdict.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(verdict.result().summary()).isEqualTo("ran out of memory during the check: lower --max-states "
                + "(now 5000) or raise -Xmx (e.g. LOCKBENCH_JAVA_OPTS=-Xmx4g)");
    }
}
