package io.lockbench.stress.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** JSON Lines: bad bytes and numbers get one message in the user's terms, never Jackson's settings. */
class JsonLinesInputProblemsTest {

    private static LoadedHistory read(byte[] bytes) throws IOException {
        return JsonLinesReader.read(new ByteArrayInputStream(bytes), "h.jsonl");
    }

    private static LoadedHistory read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String op(String value) {
        return "{\"type\":\"ok\",\"process\":0,\"f\":\"read\",\"value\":" + value + "}\n";
    }

    @Test
    void invalidUtf8_namesTheLineAndTheByte() {
        byte[] latin1 = (op("1") + op("\"caf\u00e9\"")).getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> read(latin1))
                .hasMessageStartingWith("h.jsonl:2: invalid UTF-8 byte 0xe9 at byte 49 of the line");
    }

    @Test
    void aUtf8ByteOrderMark_isSkipped() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        file.write(op("\"café\"").getBytes(StandardCharsets.UTF_8));

        assertThat(read(file.toByteArray()).history().get(0).value()).isEqualTo("café");
    }

    @Test
    void numbersBeyondDoubleRange_stayExact() throws IOException {
        LoadedHistory h = read(op("1e400") + op("1e401") + op("1e-400"));

        assertThat(h.history().ops()).extracting(Op::value).containsExactly(
                new BigDecimal("1e400"), new BigDecimal("1e401"), new BigDecimal("1e-400"));
    }

    @Test
    void jacksonsLimitsAndFeatures_areNotNamed() {
        assertThatThrownBy(() -> read(op("[".repeat(1500) + "]".repeat(1500))))
                .hasMessage("h.jsonl:1: expected a JSON object but the JSON is malformed: expected at most 1000 nested "
                        + "arrays and objects but found deeper nesting");
        assertThatThrownBy(() -> read(op("NaN") + op("1")))
                .hasMessageStartingWith("h.jsonl:1: expected a JSON object but the JSON is malformed: ")
                .message().doesNotContain("JsonReadFeature", "`", "StreamReadConstraints");
    }

    @Test
    void timesGoingBackwards_areAWarning() throws IOException {
        LoadedHistory h = read("{\"type\":\"invoke\",\"process\":0,\"f\":\"read\",\"time\":9}\n"
                + "{\"type\":\"ok\",\"process\":0,\"f\":\"read\",\"time\":8}\n");

        assertThat(h.warnings()).containsExactly("h.jsonl:2: time 8 is earlier than time 9 on line 1 "
                + "(times should never decrease; real-time order is read from them)");
    }
}
