package io.lockbench.stress.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Values are compared exactly: what EDN distinguishes, the history keeps distinct. */
class EdnValuesExactTest {

    private static Object valueOf(String edn) throws IOException {
        String text = "{:type :ok, :f :read, :process 0, :value " + edn + "}\n";
        return EdnHistoryReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "h.edn", false)
                .history().get(0).value();
    }

    @Test
    void instantsKeepTheirMilliseconds_andAreTheSameMomentWhateverTheOffset() throws IOException {
        Object a = valueOf("#inst \"2024-01-01T00:00:00.001Z\"");
        Object b = valueOf("#inst \"2024-01-01T00:00:00.002Z\"");

        assertThat(a).isEqualTo(Instant.parse("2024-01-01T00:00:00.001Z")).isNotEqualTo(b);
        assertThat(valueOf("#inst \"2024-01-01T01:00:00.001+01:00\"")).isEqualTo(a);
        assertThat(valueOf("#inst \"2024-01-01T00:00:00.000000001Z\"")).isEqualTo(Instant.parse("2024-01-01T00:00:00.000000001Z"));
        assertThat(valueOf("#inst \"2024\"")).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void uuidsAreUuids() throws IOException {
        assertThat(valueOf("#uuid \"f81d4fae-7dec-11d0-a765-00a0c91e6bf6\""))
                .isEqualTo(UUID.fromString("f81d4fae-7dec-11d0-a765-00a0c91e6bf6"));
    }

    @Test
    void numbersBeyondDoubleRange_stayExactAndDistinct() throws IOException {
        Object big = valueOf("1e400");

        assertThat(big).isEqualTo(new BigDecimal("1e400"));
        assertThat(valueOf("1e401")).isNotEqualTo(big);
        assertThat(valueOf("-1e400")).isNotEqualTo(big);
        assertThat(valueOf("1e-400")).isEqualTo(new BigDecimal("1e-400")).isNotEqualTo(valueOf("0.0"));
        assertThat(valueOf("10e399")).as("the same number written another way").isEqualTo(big);
    }

    @Test
    void integersBeyondALong_areBigIntegers_andDecimalsWithMAreExact() throws IOException {
        assertThat(valueOf("9223372036854775808")).isEqualTo(new BigInteger("9223372036854775808"));
        assertThat(valueOf("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(valueOf("7N")).isEqualTo(7L);
        assertThat(valueOf("0.1M")).isEqualTo(new BigDecimal("0.1"));
        assertThat(valueOf("1.50M")).isEqualTo(valueOf("1.5M"));
        assertThat(valueOf("1.5")).isEqualTo(1.5).isNotEqualTo(valueOf("1.5M"));
    }

    @Test
    void everyExactValuePrintsBackToAnEqualValue() throws IOException {
        for (String edn : List.of("#inst \"2024-01-01T00:00:00.001Z\"", "#uuid \"f81d4fae-7dec-11d0-a765-00a0c91e6bf6\"",
                "1e400", "12345678901234567890", "0.1M", "##Inf", "[1 \"two\" :three nil true 2.5]",
                "{:a [1 2], \"b\" #{3}}", "\"tab\\tquote\\\"back\\\\slash\\u00e9\"", "\\a", "\\newline")) {
            Object value = valueOf(edn);
            assertThat(valueOf(EdnValues.print(value))).as(edn).isEqualTo(value);
        }
    }

    @Test
    void aTimestampThatIsNotOne_isAnErrorOnItsLine() {
        assertThatThrownBy(() -> valueOf("#inst \"yesterday\""))
                .hasMessageStartingWith("h.edn:1: expected #inst to tag an RFC 3339 timestamp");
        assertThatThrownBy(() -> valueOf("#inst \"2024-13-01T00:00:00Z\""))
                .hasMessageStartingWith("h.edn:1: expected #inst to tag a valid date and time");
        assertThatThrownBy(() -> valueOf("#uuid \"xyz\""))
                .hasMessageStartingWith("h.edn:1: expected #uuid to tag a UUID");
    }
}
