package io.lockbench.stress.checker.elle;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.stress.checker.Anomaly;
import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.checker.HistoryScript;
import io.lockbench.stress.checker.Verdict;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RwRegisterCheckerTest {

    private final RwRegisterChecker serializable = new RwRegisterChecker();

    private static List<Object> w(Object key, Object value) {
        return Arrays.asList("w", key, value);
    }

    private static List<Object> r(Object key, Object value) {
        return Arrays.asList("r", key, value);
    }

    private static List<Object> txn(Object... mops) {
        return List.of(mops);
    }

    private static List<Object> invocation(List<Object> txn) {
        return txn.stream().map(m -> (Object) ("r".equals(((List<?>) m).get(0))
                ? Arrays.asList("r", ((List<?>) m).get(1), null) : m)).toList();
    }

    private static HistoryScript ok(HistoryScript h, long process, List<Object> txn) {
        return h.invoke(process, "txn", null, invocation(txn)).ok(process, txn);
    }

    private static List<String> types(CheckResult r) {
        return r.anomalies().stream().map(Anomaly::type).toList();
    }

    @Test
    void readsOfWhatWasWrittenBefore_areValidEvenAtStrictSerializable() {
        HistoryScript h = new HistoryScript();
        ok(h, 0, txn(r("x", null), w("x", 1)));
        ok(h, 1, txn(r("x", 1), w("x", 2), r("x", 2), w("y", 1)));
        ok(h, 0, txn(r("x", 2), r("y", 1)));

        CheckResult result = new RwRegisterChecker(Set.of(ConsistencyModel.STRICT_SERIALIZABLE)).check(h.build());

        assertThat(result.verdict()).as(result.toString()).isEqualTo(Verdict.VALID);
        assertThat(result.summary()).contains("3 txns (3 ok, 0 failed, 0 indeterminate) over 2 keys");
    }

    @Test
    void twoTransactionsThatReadNilAndBothWrote_areALostUpdateAndAWriteSkewCycle() {
        HistoryScript h = new HistoryScript();
        List<Object> t1 = txn(r("x", null), w("x", 1));
        List<Object> t2 = txn(r("x", null), w("x", 2));
        h.invoke(0, "txn", null, invocation(t1)).invoke(1, "txn", null, invocation(t2));
        h.ok(0, t1).ok(1, t2);

        CheckResult result = serializable.check(h.build());

        assertThat(types(result)).containsExactlyInAnyOrder("lost-update", "G2-item");
        Anomaly cycle = result.anomalies().stream().filter(a -> a.type().equals("G2-item")).findFirst().orElseThrow();
        assertThat(cycle.description()).contains("read key x = nil, before", "wrote 2 there");
        Anomaly lost = result.anomalies().stream().filter(a -> a.type().equals("lost-update")).findFirst().orElseThrow();
        assertThat(lost.description()).contains("all read key x as nil and then wrote it");
    }

    @Test
    void aCycleExplainsEachStepByKeyAndValue() {
        HistoryScript h = new HistoryScript();
        ok(h, 0, txn(w("x", 1), w("y", 1)));
        ok(h, 1, txn(r("x", null), r("y", 1)));

        CheckResult result = serializable.check(h.build());

        assertThat(types(result)).containsExactly("G-single-item");
        assertThat(result.anomalies().get(0).description())
                .contains("op 3 read key x = nil, before op 1 wrote 1 there", "op 3 read key y = 1, written by op 1");
    }

    @Test
    void aReadAfterMissingTheWriteThatCompletedBeforeIt_isInvalidOnlyInRealTime() {
        HistoryScript h = new HistoryScript();
        ok(h, 0, txn(w("x", 1)));
        ok(h, 1, txn(r("x", null)));

        assertThat(serializable.check(h.build()).verdict()).isEqualTo(Verdict.VALID);
        CheckResult strict = new RwRegisterChecker(Set.of(ConsistencyModel.STRICT_SERIALIZABLE)).check(h.build());
        assertThat(types(strict)).containsExactly("G-single-item-realtime");
    }

    @Test
    void aValueWrittenTwiceToOneKey_isUnknownNamingBothWriters() {
        HistoryScript h = new HistoryScript();
        ok(h, 0, txn(w("x", 1)));
        ok(h, 1, txn(w("x", 1)));

        CheckResult result = serializable.check(h.build());

        assertThat(result.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(result.summary()).contains("value 1 was already written to key x by op 1", "unique per key");
    }

    @Test
    void aReadOfAValueNobodyWrote_isUnwrittenValue() {
        HistoryScript h = new HistoryScript();
        ok(h, 0, txn(w("x", 1)));
        ok(h, 1, txn(r("x", 7)));

        assertThat(types(serializable.check(h.build()))).containsExactly("unwritten-value");
    }

    @Test
    void aReadOfItsOwnLaterWrite_isFutureRead() {
        HistoryScript h = new HistoryScript();
        ok(h, 0, txn(r("x", 1), w("x", 1)));

        assertThat(types(serializable.check(h.build()))).containsExactly("future-read");
    }
}
