package io.lockbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.stress.history.JsonLinesReader;
import io.lockbench.stress.history.Op;
import io.lockbench.stress.runner.RunResults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lockbench run}: exit code = verdict, a run directory that can be checked and re-run, clear errors, ^C. */
class RunCommandIT {

    static final Path DETECTION = Path.of("..", "scenarios", "detection");

    @TempDir
    Path dir;

    @Test
    void aCorrectVariant_exitsZero_andItsHistoryChecksValidAgain() {
        CommandRun run = CommandRun.of("run", DETECTION.resolve("optimistic--none.yaml").toString(), "--duration", "1s",
                "--runs-dir", dir.toString(), "--quiet");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("optimistic--none on SQLite").contains(": VALID (as expected)");
        Path latest = dir.resolve("latest");
        assertThat(latest.resolve("history.jsonl")).exists();
        assertThat(latest.resolve("scenario.yaml")).exists();
        assertThat(latest.resolve("results.json")).exists();
        assertThat(latest.resolve("summary.md")).exists();
        assertThat(CommandRun.of("check", latest.resolve("history.jsonl").toString(), "--model", "versioned").exit())
                .isZero();
    }

    @Test
    void aBrokenTwin_exitsOne_andCheckGivesTheSameVerdict() {
        CommandRun run = CommandRun.of("run", DETECTION.resolve("max-plus-one--none.yaml").toString(), "--duration", "2s",
                "--runs-dir", dir.toString(), "--quiet");

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("INVALID (as expected)").contains("duplicate-version");
        CommandRun check = CommandRun.of("check", dir.resolve("latest/history.jsonl").toString(), "--model", "sequence");
        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.out()).contains("duplicate-version");
    }

    @Test
    void theResolvedScenarioOfARun_runsAgainWithTheSameOperations() throws IOException {
        String scenario = DETECTION.resolve("constrained-sequence--none.yaml").toString();
        assertThat(CommandRun.of("run", scenario, "--ops", "300", "--runs-dir", dir.toString(), "--quiet").exit()).isZero();
        Path first = dir.resolve("latest").toRealPath();

        assertThat(CommandRun.of("run", first.resolve("scenario.yaml").toString(), "--runs-dir", dir.toString(), "--quiet")
                .exit()).isZero();
        Path second = dir.resolve("latest").toRealPath();

        assertThat(second).isNotEqualTo(first);
        for (long process = 0; process < 4; process++) {
            List<String> a = invocations(first, process);
            List<String> b = invocations(second, process);
            List<String> shorter = a.size() <= b.size() ? a : b;
            List<String> longer = a.size() <= b.size() ? b : a;
            assertThat(shorter).as("process %d", process).isNotEmpty();
            assertThat(longer.subList(0, shorter.size())).as("process %d", process).isEqualTo(shorter);
        }
    }

    @Test
    void anUnknownField_exitsTwo_namingTheFileAndTheField() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "variant: optimistic\nclientz: 3\n");

        CommandRun run = CommandRun.of("run", bad.toString(), "--runs-dir", dir.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("bad.yaml:2: unknown field 'clientz'; valid fields of a scenario:")
                .doesNotContain("Exception");
    }

    @Test
    void aPostgresScenarioOnAServerThatDoesNotAnswer_exitsTwo_namingTheUrlWithoutItsPassword() throws IOException {
        Path pg = Files.writeString(dir.resolve("pg.yaml"), "variant: optimistic\nbackend: postgresql\n");

        CommandRun run = CommandRun.of("run", pg.toString(), "--runs-dir", dir.toString(), "--pg-url",
                "jdbc:postgresql://127.0.0.1:1/nowhere?user=x&password=secret");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("pg.yaml: backend postgresql needs a server:").contains("127.0.0.1:1")
                .doesNotContain("secret");
    }

    @Test
    void interrupting_healsWritesTheRunAndExitsTwo() throws Exception {
        Path scenario = Files.writeString(dir.resolve("long.yaml"), """
                variant: optimistic
                duration: 60s
                nemesis:
                  - fault: lock-holder
                    start: 100ms
                    hold: 60s
                """);
        Process p = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"), Lockbench.class.getName(),
                "run", scenario.toString(), "--runs-dir", dir.toString(), "--quiet")
                .redirectErrorStream(true).start();
        Path history = dir.resolve("long");
        for (int i = 0; i < 200 && !(Files.isDirectory(history) && hasOps(history)); i++) {
            Thread.sleep(100);
        }
        Thread.sleep(1_500);
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exited after ^C").isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isEqualTo(2);
        Path run = dir.resolve("long").resolve("latest").toRealPath();
        RunResults results = RunResults.read(run.resolve("results.json"));
        assertThat(results.cutShort()).isEqualTo("interrupted");
        assertThat(results.verdict()).isEqualTo("unknown");
        assertThat(results.faults()).singleElement().satisfies(f -> assertThat(f.healed()).isEqualTo("released the write lock"));
        assertThat(JsonLinesReader.read(run.resolve("history.jsonl")).history().ops()).isNotEmpty();
    }

    private static boolean hasOps(Path scenarioDir) throws IOException {
        try (var runs = Files.list(scenarioDir)) {
            return runs.anyMatch(r -> {
                try {
                    return Files.size(r.resolve("history.jsonl")) > 0;
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<String> invocations(Path run, long process) throws IOException {
        List<String> ops = new ArrayList<>();
        for (Op op : JsonLinesReader.read(run.resolve("history.jsonl")).history().ops()) {
            if (op.isInvoke() && op.process() == process) {
                ops.add(op.f() + " " + op.key() + " " + op.value());
            }
        }
        return ops;
    }
}
