package io.lockbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    @TempDir
    Path dir;

    private Path valid;
    private Path invalid;

    private static String op(int index, String type, int process, String f, String value) {
        return "{\"index\":" + index + ",\"type\":\"" + type + "\",\"process\":" + process + ",\"f\":\"" + f
                + "\",\"key\":null,\"value\":" + value + ",\"time\":" + index + ",\"error\":null}\n";
    }

    @BeforeEach
    void histories() throws IOException {
        String writes = op(0, "invoke", 0, "write", "1") + op(1, "ok", 0, "write", "1")
                + op(2, "invoke", 0, "write", "2") + op(3, "ok", 0, "write", "2") + op(4, "invoke", 1, "read", "null");
        valid = Files.writeString(dir.resolve("valid.jsonl"), writes + op(5, "ok", 1, "read", "2"));
        invalid = Files.writeString(dir.resolve("stale.jsonl"), writes + op(5, "ok", 1, "read", "1"));
    }

    @Test
    void aValidHistory_exitsZeroWithASummary() {
        CommandRun run = CommandRun.of("check", valid.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo(valid + ": VALID - cas-register: 1 key, 3 ops: linearizable\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void anInvalidHistory_exitsOne_andShowsTheOpThatCannotBeLinearizedWithItsWindow() {
        CommandRun run = CommandRun.of("check", invalid.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out())
                .startsWith(invalid + ": INVALID - cas-register: 1 key, 3 ops: not linearizable\n")
                .contains("nonlinearizable: read 1 by process 1 (invoked at op 4, ok at op 5) cannot be linearized")
                .contains("{:index 2, :type :invoke, :process 0, :f :write, :value 2, :time 2}")
                .contains("{:index 5, :type :ok, :process 1, :f :read, :value 1, :time 5}");
    }

    @Test
    void aMalformedFile_printsFileLineAndWhatWasExpected_andExitsTwo() throws IOException {
        Path bad = Files.writeString(dir.resolve("h.jsonl"), op(0, "invoke", 0, "read", "null")
                + op(1, "okay", 0, "read", "1"));

        CommandRun run = CommandRun.of("check", bad.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(bad + ":2: expected \"type\" to be one of invoke, ok, fail, info but found \"okay\"\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMalformedEdnFile_printsFileAndLine_andExitsTwo() throws IOException {
        Path bad = Files.writeString(dir.resolve("h.edn"), "[{:type :invoke, :f :read, :process 0}\n"
                + " {:type :ok, :f :read, :process :zero}]\n");

        CommandRun run = CommandRun.of("check", bad.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(bad + ":2: expected :process to be an integer or :nemesis but found :zero\n");
    }

    @Test
    void anUnknownOption_exitsTwo_andListsTheValidOptions() {
        CommandRun run = CommandRun.of("check", "--fast", valid.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("lockbench: Unknown option: '--fast'")
                .contains("--model=MODEL", "--format=FORMAT", "--timeout=DURATION", "--json", "--stats");
    }

    @Test
    void anUnknownModel_exitsTwo_namingTheKnownModels() {
        CommandRun run = CommandRun.of("check", "--model", "bank", valid.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("bank")
                .contains("cas-register, register, versioned, knossos-lock, multi-register, sequence, mutex, list-append, rw-register");
    }

    @Test
    void aMissingFile_exitsTwo() {
        CommandRun run = CommandRun.of("check", dir.resolve("nope.jsonl").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(dir.resolve("nope.jsonl") + ": no such file\n");
    }

    @Test
    void theFormatComesFromTheExtension_orFromFormat() throws IOException {
        Path noExtension = Files.copy(valid, dir.resolve("history.log"));

        CommandRun guess = CommandRun.of("check", noExtension.toString());
        assertThat(guess.exit()).isEqualTo(2);
        assertThat(guess.err()).isEqualTo(noExtension + ": cannot tell the format from the file name; expected "
                + ".jsonl, .ndjson or .edn, or use --format jsonl|edn\n");

        assertThat(CommandRun.of("check", "--format", "jsonl", noExtension.toString()).exit()).isZero();
        assertThat(CommandRun.of("check", "--format", "xml", valid.toString()).exit()).isEqualTo(2);
    }

    @Test
    void severalFilesAreChecked_andTheWeakestVerdictSetsTheExitCode() throws IOException {
        Path malformed = Files.writeString(dir.resolve("bad.jsonl"), "{\n{}\n");

        assertThat(CommandRun.of("check", valid.toString(), valid.toString()).exit()).isZero();
        CommandRun mixed = CommandRun.of("check", valid.toString(), invalid.toString());
        assertThat(mixed.exit()).isEqualTo(1);
        assertThat(mixed.out()).contains(valid + ": VALID", invalid + ": INVALID");
        assertThat(CommandRun.of("check", valid.toString(), malformed.toString()).exit()).isEqualTo(2);
        assertThat(CommandRun.of("check", malformed.toString(), invalid.toString()).exit()).isEqualTo(1);
    }

    @Test
    void jsonOutputCarriesVerdictsEvidenceAndStats() throws IOException {
        CommandRun run = CommandRun.of("check", "--json", "--stats", valid.toString(), invalid.toString());

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("verdict").asText()).isEqualTo("invalid");
        assertThat(json.get("peak-heap-bytes").asLong()).isPositive();
        JsonNode files = json.get("files");
        assertThat(files.get(0).get("verdict").asText()).isEqualTo("valid");
        assertThat(files.get(0).get("stats").get("records").asInt()).isEqualTo(6);
        JsonNode anomaly = files.get(1).get("anomalies").get(0);
        assertThat(anomaly.get("type").asText()).isEqualTo("nonlinearizable");
        assertThat(anomaly.get("ops").get(anomaly.get("ops").size() - 1).get("value").asInt()).isEqualTo(1);
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void statsShowOpsKeysTimeStatesCacheHitsAndPeakHeap() {
        CommandRun run = CommandRun.of("check", "--stats", valid.toString());

        assertThat(run.out()).containsPattern("stats: records 6, read \\d+ ms, model cas-register, ops 3, ops searched 3, "
                + "keys 1, elapsed ms \\d+, states explored \\d+, cache hits \\d+, peak states \\d+, keys invalid 0, "
                + "keys unknown 0, peak heap \\d+ MB");
    }

    @Test
    void aSpentTimeBudget_isUnknown_exitTwo() {
        CommandRun run = CommandRun.of("check", "--timeout", "0s", valid.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("UNKNOWN").contains("time budget spent");
        assertThat(CommandRun.of("check", "--timeout", "soon", valid.toString()).err())
                .contains("'soon' is not a duration; write it like 500ms, 60s, 2m or 1h");
    }

    @Test
    void aTruncatedLastLine_isReportedAsAWarning() throws IOException {
        Path cut = Files.writeString(dir.resolve("cut.jsonl"), Files.readString(valid) + "{\"index\":6,\"ty");

        CommandRun run = CommandRun.of("check", cut.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("  warning: " + cut + ":7: the last line is incomplete");
    }

    @Test
    void anIndependentEdnHistoryIsCheckedPerKey() throws IOException {
        Path edn = Files.writeString(dir.resolve("keys.edn"),
                "{:type :invoke, :process 0, :f :write, :value [:a 1]}\n"
                + "{:type :ok, :process 0, :f :write, :value [:a 1]}\n"
                + "{:type :invoke, :process 1, :f :read, :value [:b nil]}\n"
                + "{:type :ok, :process 1, :f :read, :value [:b 1]}\n");

        CommandRun run = CommandRun.of("check", "--independent", edn.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("2 keys, 2 ops: not linearizable (1 key: b)");
    }

    @Test
    void theVersionedModelIsAvailable() throws IOException {
        Path edn = Files.writeString(dir.resolve("v.edn"),
                "[{:type :invoke, :process 0, :f :write, :value [0 \"a\"]}\n"
                + " {:type :ok, :process 0, :f :write, :value [0 \"a\"]}\n"
                + " {:type :invoke, :process 1, :f :read, :value nil}\n"
                + " {:type :ok, :process 1, :f :read, :value [1 \"a\"]}]\n");

        assertThat(CommandRun.of("check", "--model", "versioned", edn.toString()).exit()).isZero();
    }
}
