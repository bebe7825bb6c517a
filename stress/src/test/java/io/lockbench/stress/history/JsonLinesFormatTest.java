package io.lockbench.stress.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFormatTest {

    @TempDir
    Path dir;

    private static LoadedHistory read(String text) throws IOException {
        return JsonLinesReader.read(new StringReader(text), "h.jsonl");
    }

    private static String line(int index, String type) {
        return "{\"index\":" + index + ",\"type\":\"" + type + "\",\"process\":3,\"f\":\"cas\",\"key\":\"k1\","
                + "\"value\":[1,2],\"time\":123,\"error\":null}\n";
    }

    @Test
    void writtenOpsAreReadBackEqual() throws IOException {
        List<Op> ops = List.of(
                new Op(0, OpType.INVOKE, 3, "cas", "k1", List.of(1L, 2L), 123, null),
                new Op(1, OpType.INFO, Op.NEMESIS, "start", null, Map.of("partition", "n1"), 150, "nemesis text"),
                new Op(2, OpType.OK, 3, "cas", "k1", List.of(1L, 2L), 200, null),
                new Op(3, OpType.INVOKE, 4, "read", 7L, null, 210, null),
                new Op(4, OpType.OK, 4, "read", 7L, Arrays.asList(2L, null, "x", 1.5, true), 220, null));
        Path file = dir.resolve("h.jsonl");
        JsonLinesWriter.write(new History(ops), file);

        LoadedHistory back = JsonLinesReader.read(file);

        assertThat(back.history().ops()).isEqualTo(ops);
        assertThat(back.warnings()).isEmpty();
    }

    @Test
    void theWriterUsesTheDocumentedLineFormat() throws IOException {
        Path file = dir.resolve("h.jsonl");
        try (JsonLinesWriter w = JsonLinesWriter.create(file)) {
            w.write(new Op(0, OpType.INVOKE, 3, "cas", "k1", List.of(1L, 2L), 123, null));
        }
        assertThat(Files.readString(file)).isEqualTo(line(0, "invoke"));
    }

    @Test
    void eachOpIsOnDiskAsSoonAsItIsWritten_soACrashLosesNothingWritten() throws IOException {
        Path file = dir.resolve("h.jsonl");
        try (JsonLinesWriter w = JsonLinesWriter.create(file)) {
            w.write(new Op(0, OpType.INVOKE, 3, "cas", "k1", List.of(1L, 2L), 123, null));
            w.write(new Op(1, OpType.OK, 3, "cas", "k1", List.of(1L, 2L), 124, null));
            // not closed yet: a reader in another process sees both lines
            assertThat(JsonLinesReader.read(file).history().size()).isEqualTo(2);
        }
    }

    @Test
    void aTruncatedLastLine_isSkippedWithAWarning_andEverythingBeforeItIsRead() throws IOException {
        String text = line(0, "invoke") + line(1, "ok") + "{\"index\":2,\"type\":\"inv";

        LoadedHistory h = read(text);

        assertThat(h.history().size()).isEqualTo(2);
        assertThat(h.warnings()).containsExactly("h.jsonl:3: the last line is incomplete (the writer probably "
                + "stopped while writing it); read the 2 operations before it");
    }

    @Test
    void aCompleteLastLineWithoutNewline_isRead() throws IOException {
        String text = line(0, "invoke") + line(1, "ok").trim();

        LoadedHistory h = read(text);

        assertThat(h.history().size()).isEqualTo(2);
        assertThat(h.warnings()).isEmpty();
    }

    @Test
    void aMalformedLineThatIsNotLast_isAnErrorWithFileAndLine() {
        String text = line(0, "invoke") + "{\"index\":1,\"type\":\"ok\"\n" + line(2, "ok");

        assertThatThrownBy(() -> read(text))
                .isInstanceOf(MalformedHistoryException.class)
                .hasMessageStartingWith("h.jsonl:2: expected a JSON object but the JSON is malformed: ");
    }

    @Test
    void anUnknownType_namesTheLineTheFieldAndTheValidTypes() {
        String text = line(0, "invoke") + line(1, "okay");

        assertThatThrownBy(() -> read(text))
                .isInstanceOf(MalformedHistoryException.class)
                .hasMessage("h.jsonl:2: expected \"type\" to be one of invoke, ok, fail, info but found \"okay\"");
    }

    @Test
    void aMissingRequiredField_isNamed() {
        assertThatThrownBy(() -> read("{\"index\":0,\"type\":\"invoke\",\"process\":1}\n"))
                .hasMessage("h.jsonl:1: expected a \"f\" field but found none");
    }

    @Test
    void aProcessThatIsNeitherAnIntegerNorNemesis_isAnError() {
        assertThatThrownBy(() -> read("{\"type\":\"invoke\",\"process\":\"p1\",\"f\":\"read\"}\n"))
                .hasMessage("h.jsonl:1: expected \"process\" to be an integer or \"nemesis\" but found \"p1\"");
    }

    @Test
    void aFieldOfTheWrongType_isAnError() {
        assertThatThrownBy(() -> read("{\"type\":\"invoke\",\"process\":1,\"f\":\"read\",\"time\":\"soon\"}\n"))
                .hasMessage("h.jsonl:1: expected \"time\" to be an integer but found \"soon\"");
        assertThatThrownBy(() -> read("{\"type\":\"invoke\",\"process\":1,\"f\":\"read\",\"error\":[1]}\n"))
                .hasMessage("h.jsonl:1: expected \"error\" to be a string or null but found an array");
    }

    @Test
    void twoObjectsOnOneLine_isAnError() {
        assertThatThrownBy(() -> read("{\"type\":\"invoke\",\"process\":1,\"f\":\"read\"} {\"type\":\"ok\"}\n"))
                .hasMessage("h.jsonl:1: expected one JSON object per line but found another value at column 42");
    }

    @Test
    void aLineThatIsNotAnObject_isAnError() {
        assertThatThrownBy(() -> read("[1,2]\n"))
                .hasMessage("h.jsonl:1: expected a JSON object (one operation per line) but found an array");
    }

    @Test
    void aDuplicatedField_isAnError() {
        assertThatThrownBy(() -> read("{\"type\":\"invoke\",\"type\":\"ok\",\"process\":1,\"f\":\"read\"}\n"))
                .hasMessage("h.jsonl:1: expected each field once but found \"type\" twice");
    }

    @Test
    void blankLinesAndUnknownFieldsAreIgnored_andMissingIndexAndTimeHaveDefaults() throws IOException {
        String text = "\n{\"type\":\"invoke\",\"process\":1,\"f\":\"read\",\"extra\":{\"a\":[1]}}\n\n"
                + "{\"type\":\"ok\",\"process\":\"nemesis\",\"f\":\"read\",\"value\":5}\r\n";

        List<Op> ops = read(text).history().ops();

        assertThat(ops).containsExactly(
                new Op(0, OpType.INVOKE, 1, "read", null, null, 0, null),
                new Op(1, OpType.OK, Op.NEMESIS, "read", null, 5L, 0, null));
    }

    @Test
    void streamingHandsOverEachOpAsItIsRead() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            text.append(line(i, i % 2 == 0 ? "invoke" : "ok"));
        }
        List<Long> indexes = new ArrayList<>();

        List<String> warnings = JsonLinesReader.stream(new StringReader(text.toString()), "h.jsonl",
                op -> indexes.add(op.index()));

        assertThat(indexes).hasSize(1000).startsWith(0L, 1L).endsWith(999L);
        assertThat(warnings).isEmpty();
    }

    @Test
    void utf8TextSurvivesTheRoundTrip() throws IOException {
        Path file = dir.resolve("h.jsonl");
        Op op = new Op(0, OpType.INFO, 1, "write", "clé", "värde ✓", 5, "connexion coupée");
        JsonLinesWriter.write(History.of(op), file);
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).contains("värde ✓");
        assertThat(JsonLinesReader.read(file).history().get(0)).isEqualTo(op);
    }
}
