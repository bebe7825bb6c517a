package io.lockbench.stress.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every bad EDN input: one message with the file, the line and what was expected. */
class EdnInputProblemsTest {

    private static LoadedHistory read(byte[] bytes) throws IOException {
        return EdnHistoryReader.read(new ByteArrayInputStream(bytes), "h.edn", false);
    }

    private static LoadedHistory read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static final String OP = "{:type :invoke, :f :read, :process 0, :value nil}\n";

    @Test
    void deepNesting_isRefusedWithTheLine_notAStackOverflow() {
        String deep = "[".repeat(3000) + "]".repeat(3000);

        assertThatThrownBy(() -> read(OP + "{:type :ok, :f :read, :process 0, :value " + deep + "}\n"))
                .isInstanceOf(MalformedHistoryException.class)
                .hasMessage("h.edn:2: expected at most 1000 nested collections but found deeper nesting");
    }

    @Test
    void nestingUpToTheLimit_isRead() throws IOException {
        String deep = "[".repeat(998) + "]".repeat(998);

        assertThat(read("{:type :ok, :f :read, :process 0, :value " + deep + "}").history().size()).isEqualTo(1);
    }

    @Test
    void aStringLeftOpen_isReportedAtTheLineWhereItStarts() {
        String text = OP + "{:type :ok, :f :read, :process 0, :value \"never closed}\n" + OP + OP + OP;

        assertThatThrownBy(() -> read(text))
                .hasMessage("h.edn:2: expected a closing \" for the string that starts on this line but the file ended");
    }

    @Test
    void aMapInsteadOfAHistory_saysWhatAHistoryIs() {
        assertThatThrownBy(() -> read("{:history [{:type :invoke}], :valid? true}\n"))
                .hasMessage("h.edn:1: expected an operation map with :type, :f and :process but found a map with keys "
                        + ":history, :valid?; a history is a vector of operation maps or one map per line, each like "
                        + "{:type :invoke, :f :read, :process 0}");
    }

    @Test
    void somethingOtherThanAMap_isQuotedAsWritten() {
        assertThatThrownBy(() -> read(OP + ":oops\n"))
                .hasMessage("h.edn:2: expected an operation map like {:type :invoke, :f :read, :process 0} but found :oops");
    }

    @Test
    void invalidUtf8_namesTheByte() {
        byte[] latin1 = "{:type :ok, :f :read, :process 0, :value \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> read(latin1))
                .hasMessageStartingWith("h.edn:1: invalid UTF-8 byte 0xe9; histories are UTF-8 text");
    }

    @Test
    void utf16_isNamed() {
        assertThatThrownBy(() -> read(OP.getBytes(StandardCharsets.UTF_16)))
                .hasMessageStartingWith("h.edn:1: expected UTF-8 text but the file starts with a UTF-16 byte order mark");
    }

    @Test
    void binary_isAnErrorNotAGuess() {
        assertThatThrownBy(() -> read(new byte[] {0, 1, 2, 3}))
                .hasMessageStartingWith("h.edn:1: expected a value but found byte 0x00");
    }

    @Test
    void aUtf8ByteOrderMark_isSkipped_andNonAsciiTextIsRead() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] op = "{:type :ok, :f :read, :process 0, :value \"café ☕ 𝄞\"}".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(bom);
        file.write(op);

        assertThat(read(file.toByteArray()).history().get(0).value()).isEqualTo("café ☕ 𝄞");
    }

    @Test
    void timesGoingBackwards_areAWarningWithTheLine() throws IOException {
        String text = "{:type :invoke, :f :read, :process 0, :time 10}\n"
                + "{:type :ok, :f :read, :process 0, :time 20}\n"
                + "{:type :invoke, :f :read, :process 0, :time 15}\n"
                + "{:type :ok, :f :read, :process 0, :time 14}\n"
                + "{:type :invoke, :f :read, :process 0}\n";

        assertThat(read(text).warnings()).containsExactly("h.edn:3: time 15 is earlier than time 20 on line 2 "
                + "(times should never decrease; real-time order is read from them); 2 ops in all go back in time");
    }

    @Test
    void aNonStringError_isKeptAsTheFileWroteIt() throws IOException {
        LoadedHistory h = read("{:type :info, :f :read, :process 0, :error :timed-out}\n"
                + "{:type :info, :f :read, :process 1, :error {:type :timeout, :ms 10}}\n"
                + "{:type :info, :f :read, :process 2, :error nil}\n");

        assertThat(h.history().ops()).extracting(Op::error).containsExactly(":timed-out", "{:type :timeout, :ms 10}", null);
    }

    @Test
    void commentsDiscardsSetsCharactersAndTags_areRead() throws IOException {
        LoadedHistory h = read("; a comment\n#_{:ignored true}\n"
                + "#jepsen.history.Op{:type :ok, :f :read, :process 0, :value [#{1} \\a \\space #my/tag 5 #_ 6], :other 1}");

        assertThat(h.history().get(0).value()).isEqualTo(List.of(List.of(1L), "a", " ", 5L));
    }

    @Test
    void everyPartOfTheSyntax_readsTheSameWhenTheInputArrivesAFewBytesAtATime() throws IOException {
        History original = SyntheticHistories.generate(new SyntheticHistories.Spec("cas-register", 3000, 7, 5, 0.1, 0, 3));
        StringBuilder text = new StringBuilder("; trickled\n[");
        for (Op op : original) {
            text.append(EdnHistoryWriter.format(op)).append(" ; op ").append(op.index()).append('\n');
        }
        text.append("]\n");
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);

        InputStream trickle = new ByteArrayInputStream(bytes) {
            private int n;

            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + (n++ % 7)));
            }
        };

        assertThat(EdnHistoryReader.read(trickle, "h.edn", true).history().ops()).isEqualTo(original.ops());
        assertThat(read(bytes).history().size()).isEqualTo(original.size());
    }
}
