package io.lockbench.stress.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EdnFormatTest {

    private static List<Op> read(String text, boolean independent) throws IOException {
        return EdnHistoryReader.read(new StringReader(text), "h.edn", independent).history().ops();
    }

    @Test
    void aVectorOfMapsIsRead_keywordsBecomeStrings_andMissingIndexesArePositions() throws IOException {
        String text = "; a Knossos-style history\n"
                + "[{:type :invoke, :f :cas, :value [1 2], :process 3, :time 123}\n"
                + " {:type :info, :f :start, :process :nemesis, :value :partition}\n"
                + " {:type :ok, :f :cas, :value [1 2], :process 3, :time 130}]\n";

        assertThat(read(text, false)).containsExactly(
                new Op(0, OpType.INVOKE, 3, "cas", null, List.of(1L, 2L), 123, null),
                new Op(1, OpType.INFO, Op.NEMESIS, "start", null, "partition", 0, null),
                new Op(2, OpType.OK, 3, "cas", null, List.of(1L, 2L), 130, null));
    }

    @Test
    void oneMapPerLineIsRead_asJepsenWritesHistoryEdn() throws IOException {
        String text = "{:index 7, :type :invoke, :f :read, :value nil, :process 0, :time 1}\n"
                + "{:index 8, :type :ok, :f :read, :value {:a 1}, :process 0, :time 2, :error :timeout}\n";

        assertThat(read(text, false)).containsExactly(
                new Op(7, OpType.INVOKE, 0, "read", null, null, 1, null),
                new Op(8, OpType.OK, 0, "read", null, Map.of("a", 1L), 2, ":timeout"));
    }

    @Test
    void aListOfMapsAndTaggedRecordsAreRead() throws IOException {
        String text = "(#jepsen.history.Op{:index 0, :type :invoke, :f :write, :value 1, :process 0, :time 5}\n"
                + " {:type :ok, :f :write, :value 1, :process 0})";

        assertThat(read(text, false)).hasSize(2).first()
                .isEqualTo(new Op(0, OpType.INVOKE, 0, "write", null, 1L, 5, null));
    }

    @Test
    void anIndependentHistoryCarriesTheKeyInTheValue() throws IOException {
        String text = "{:type :invoke, :f :cas, :value [:k1 [1 2]], :process 3}\n"
                + "{:type :info, :f :start, :value [:a :b :c], :process :nemesis}\n"
                + "{:type :ok, :f :read, :value [7 nil], :process 4}\n";

        List<Op> ops = read(text, true);

        assertThat(ops.get(0).key()).isEqualTo("k1");
        assertThat(ops.get(0).value()).isEqualTo(List.of(1L, 2L));
        assertThat(ops.get(1).key()).as("the nemesis has no key").isNull();
        assertThat(ops.get(2).key()).isEqualTo(7L);
        assertThat(ops.get(2).value()).isNull();
    }

    @Test
    void anIndependentHistoryWithoutTuples_isAnErrorOnTheRightLine() {
        String text = "{:type :invoke, :f :read, :value [1 nil], :process 3}\n"
                + "{:type :ok, :f :read, :value 3, :process 3}\n";

        assertThatThrownBy(() -> read(text, true))
                .hasMessage("h.edn:2: expected :value to be [key value] (an independent history) but found 3");
    }

    @Test
    void anUnknownType_namesTheLineAndTheValidTypes() {
        String text = "[{:type :invoke, :f :read, :process 0}\n"
                + " {:type :ok, :f :read, :process 0}\n"
                + " {:type :okay, :f :read, :process 0}]\n";

        assertThatThrownBy(() -> read(text, false))
                .isInstanceOf(MalformedHistoryException.class)
                .hasMessage("h.edn:3: expected :type to be one of :invoke, :ok, :fail, :info but found :okay");
    }

    @Test
    void aBadProcess_isAnError() {
        assertThatThrownBy(() -> read("{:type :invoke, :f :read, :process :client-1}", false))
                .hasMessage("h.edn:1: expected :process to be an integer or :nemesis but found :client-1");
    }

    @Test
    void aMissingF_isAnError() {
        assertThatThrownBy(() -> read("\n\n{:type :invoke, :process 1}", false))
                .hasMessage("h.edn:3: expected :f to be a keyword such as :read but found nil");
    }

    @Test
    void somethingOtherThanAMap_isAnError() {
        assertThatThrownBy(() -> read("{:type :invoke, :f :read, :process 1}\n:oops\n", false))
                .hasMessage("h.edn:2: expected an operation map like {:type :invoke, :f :read, :process 0} but found :oops");
    }

    @Test
    void invalidEdn_isAnErrorOnTheLineWhereParsingStopped() {
        String text = "{:type :invoke, :f :read, :process 1}\n{:type :ok, :f :read :process}\n";

        assertThatThrownBy(() -> read(text, false))
                .hasMessage("h.edn:2: expected a value after the map key \"process\" but found }");
    }

    @Test
    void anUnclosedVector_isAnError() {
        assertThatThrownBy(() -> read("[{:type :invoke, :f :read, :process 1}\n", false))
                .hasMessage("h.edn:2: expected ] to close the vector opened on line 1 but the file ended");
    }

    @Test
    void textAfterTheVector_isAnError() {
        assertThatThrownBy(() -> read("[{:type :invoke, :f :read, :process 1}]\n{:type :ok}", false))
                .hasMessage("h.edn:2: expected nothing after the history's closing ] but found more");
    }

    @Test
    void theWriterUsesJepsensMapFormat() {
        Op op = new Op(0, OpType.INVOKE, 3, "cas", null, List.of(1L, 2L), 123, null);
        assertThat(EdnHistoryWriter.format(op))
                .isEqualTo("{:index 0, :type :invoke, :process 3, :f :cas, :value [1 2], :time 123}");
        Op keyed = new Op(1, OpType.INFO, Op.NEMESIS, "kill node", "k", "x\"y", 5, "boom");
        assertThat(EdnHistoryWriter.format(keyed))
                .isEqualTo("{:index 1, :type :info, :process :nemesis, :f \"kill node\", :value [\"k\" \"x\\\"y\"], "
                        + ":time 5, :error \"boom\"}");
    }
}
