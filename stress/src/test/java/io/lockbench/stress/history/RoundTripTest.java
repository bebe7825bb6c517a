package io.lockbench.stress.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON Lines ⇄ EDN: what one writes, the other reads back unchanged. */
class RoundTripTest {

    @TempDir
    Path dir;

    private static History sample(boolean keyed) {
        Object k = keyed ? "k1" : null;
        return History.of(
                new Op(0, OpType.INVOKE, 0, "write", k, 3L, 10, null),
                new Op(1, OpType.INFO, Op.NEMESIS, "start", null, Map.of("nodes", List.of("n1", "n2")), 11, null),
                new Op(2, OpType.INVOKE, 1, "cas", k, List.of(3L, 4L), 12, null),
                new Op(3, OpType.OK, 0, "write", k, 3L, 13, null),
                new Op(4, OpType.INFO, 1, "cas", k, List.of(3L, 4L), 14, "connection reset"),
                new Op(5, OpType.INVOKE, 2, "read", k, null, 15, null),
                new Op(6, OpType.OK, 2, "read", k, "text value", 16, null));
    }

    @Test
    void jsonlToEdnToJsonl_isLossless() throws IOException {
        History original = sample(false);
        Path jsonl = dir.resolve("a.jsonl");
        Path edn = dir.resolve("a.edn");
        Path back = dir.resolve("b.jsonl");
        JsonLinesWriter.write(original, jsonl);

        HistoryFormat.EDN.write(JsonLinesReader.read(jsonl).history(), edn);
        HistoryFormat.JSONL.write(EdnHistoryReader.read(edn, false).history(), back);

        assertThat(JsonLinesReader.read(back).history().ops()).isEqualTo(original.ops());
        assertThat(Files.readString(back)).isEqualTo(Files.readString(jsonl));
    }

    @Test
    void keysSurviveAsJepsensIndependentTuples() throws IOException {
        History original = sample(true);
        Path edn = dir.resolve("a.edn");
        EdnHistoryWriter.write(original, edn, true);

        assertThat(Files.readString(edn)).startsWith("[{:index 0, :type :invoke, :process 0, :f :write, :value [\"k1\" 3]");
        assertThat(EdnHistoryReader.read(edn, true).history().ops()).isEqualTo(original.ops());
    }

    @Test
    void ednToJsonlToEdn_isLossless_forWhatJsonCanCarry() throws IOException {
        String text = "{:index 0, :type :invoke, :process 0, :f :cas, :value [1 2], :time 5}\n"
                + "{:index 1, :type :ok, :process 0, :f :cas, :value [1 2], :time 6}\n"
                + "{:index 2, :type :info, :process :nemesis, :f :stop, :value \"healed\", :time 7, :error \"x\"}\n";
        Path edn = dir.resolve("a.edn");
        Files.writeString(edn, text);
        Path jsonl = dir.resolve("a.jsonl");
        Path back = dir.resolve("b.edn");

        JsonLinesWriter.write(EdnHistoryReader.read(edn, false).history(), jsonl);
        HistoryFormat.EDN.write(JsonLinesReader.read(jsonl).history(), back);

        assertThat(Files.readString(back)).isEqualTo(text);
    }

    @Test
    void aSyntheticHistoryRoundTripsThroughBothFormats() throws IOException {
        History original = SyntheticHistories.generate(
                new SyntheticHistories.Spec("cas-register", 2_000, 3, 5, 0.1, 5, 42));
        Path edn = dir.resolve("s.edn");
        Path jsonl = dir.resolve("s.jsonl");

        HistoryFormat.EDN.write(original, edn);
        JsonLinesWriter.write(EdnHistoryReader.read(edn, true).history(), jsonl);

        assertThat(JsonLinesReader.read(jsonl).history().ops()).isEqualTo(original.ops());
    }

    @Test
    void aHistoryMixingOpsWithAndWithoutKeys_isReadBackAsItWas() throws IOException {
        History mixed = History.of(
                new Op(0, OpType.INVOKE, 0, "write", "k1", 3L, 10, null),
                new Op(1, OpType.INVOKE, 1, "write", null, 4L, 11, null),
                new Op(2, OpType.OK, 0, "write", "k1", 3L, 12, null),
                new Op(3, OpType.OK, 1, "write", null, 4L, 13, null));
        Path edn = dir.resolve("mixed.edn");

        HistoryFormat.EDN.write(mixed, edn);

        assertThat(EdnHistoryReader.read(edn, true).history().ops()).isEqualTo(mixed.ops());
    }

    @Test
    void exactValues_surviveJsonlToEdnToJsonl() throws IOException {
        Path jsonl = dir.resolve("a.jsonl");
        Files.writeString(jsonl, "{\"type\":\"ok\",\"process\":0,\"f\":\"read\",\"value\":[1e400,12345678901234567890123]}\n");
        Path edn = dir.resolve("a.edn");
        Path back = dir.resolve("b.jsonl");

        HistoryFormat.EDN.write(JsonLinesReader.read(jsonl).history(), edn);
        HistoryFormat.JSONL.write(EdnHistoryReader.read(edn, false).history(), back);

        assertThat(JsonLinesReader.read(back).history().ops()).isEqualTo(JsonLinesReader.read(jsonl).history().ops());
        assertThat(Files.readString(back)).contains("\"value\":[1E+400,12345678901234567890123]");
    }
}
