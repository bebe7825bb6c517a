package io.lockbench.stress.checker.elle;

import static io.lockbench.stress.checker.elle.Txns.append;
import static io.lockbench.stress.checker.elle.Txns.invoke;
import static io.lockbench.stress.checker.elle.Txns.ok;
import static io.lockbench.stress.checker.elle.Txns.r;
import static io.lockbench.stress.checker.elle.Txns.txn;
import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.stress.checker.Anomaly;
import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.checker.HistoryScript;
import io.lockbench.stress.checker.Verdict;
import io.lockbench.stress.history.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-written list-append histories: valid ones, and one per anomaly type. */
class ListAppendCheckerTest {

    private final ListAppendChecker serializable = new ListAppendChecker();
    private final ListAppendChecker strict = new ListAppendChecker(ConsistencyModel.STRICT_SERIALIZABLE);

    private static List<String> types(CheckResult r) {
        return r.anomalies().stream().map(Anomaly::type).toList();
    }

    private static Anomaly only(CheckResult r, String type) {
        List<Anomaly> of = r.anomalies().stream().filter(a -> a.type().equals(type)).toList();
        assertThat(of).as("anomalies of type %s in %s", type, r.anomalies()).hasSize(1);
        return of.get(0);
    }

    @Test
    void serialTransactions_areValid() {
        HistoryScript h = new HistoryScript();
        ok(h, 0, txn(append("x", 1)));
        ok(h, 1, txn(r("x", 1), append("x", 2), append("y", 1)));
        ok(h, 0, txn(r("x", 1, 2), r("y", 1)));

        CheckResult result = strict.check(h.build());

        assertThat(result.verdict()).as(result.toString()).isEqualTo(Verdict.VALID);
        assertThat(result.summary()).contains("3 txns (3 ok, 0 failed, 0 indeterminate) over 2 keys", "valid");
    }

    @Test
    void concurrentTransactionsInEitherOrder_areValid() {
        HistoryScript h = new HistoryScript();
        invoke(h, 0, txn(append("x", 1))).invoke(1, "txn", null, Txns.invocation(txn(append("x", 2))));
        h.ok(0, txn(append("x", 1))).ok(1, txn(append("x", 2)));
        ok(h, 2, txn(r("x", 2, 1)));

        assertThat(strict.check(h.build()).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void readsAndOwnAppendsInOneTransaction_areValid() {
        HistoryScript h = new HistoryScript();
        ok(h, 0, txn(r("x"), append("x", 1), r("x", 1), append("x", 2), r("x", 1, 2)));
        ok(h, 1, txn(r("x", 1, 2)));

        assertThat(strict.check(h.build()).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void indeterminateTransactionThatWasObserved_isValid() {
        HistoryScript h = new HistoryScript();
        invoke(h, 0, txn(append("x", 1))).info(0);
        ok(h, 1, txn(r("x", 1), append("x", 2)));
        ok(h, 2, txn(r("x", 1, 2)));

        assertThat(strict.check(h.build()).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void indeterminateTransactionNeverObserved_isValid() {
        HistoryScript h = new HistoryScript();
        invoke(h, 0, txn(append("x", 1))).info(0);
        ok(h, 1, txn(append("x", 2)));
        ok(h, 2, txn(r("x", 2)));

        assertThat(strict.check(h.build()).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void failedTransactionNeverObserved_isValid() {
        HistoryScript h = new HistoryScript();
        invoke(h, 0, txn(append("x", 1))).fail(0);
        ok(h, 1, txn(append("x", 2)));
        ok(h, 2, txn(r("x", 2)));

        assertThat(strict.check(h.build()).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void writeCycle_isG0() {
        HistoryScript h = new HistoryScript();
        ok(h, 0, txn(append("x", 1), append("y", 1)));
        ok(h, 1, txn(append("x", 2), append("y", 2)));
        ok(h, 2, txn(r("x", 1, 2), r("y", 2, 1)));

        CheckResult result = serializable.check(h.build());

        Anomaly g0 = only(result, "G0");
        assertThat(g0.ops()).extracting(Op::index).containsExactly(1L, 3L);
        assertThat(g0.description()).contains("op 1 -ww-> op 3 -ww-> op 1",
                "op 3 appended 2 to key x right after op 1's 1", "op 1 appended 1 to key y right after op 3's 2");
    }

    @Test
    void readOfAFailedTransactionsAppend_isG1a() {
        HistoryScript h = new HistoryScript();
        invoke(h, 0, txn(append("x", 1))).fail(0);
        ok(h, 1, txn(r("x", 1)));

        CheckResult result = serializable.check(h.build());

        assertThat(types(result)).containsExactly("G1a");
        assertThat(result.anomalies().get(0).description()).contains("op 3 read 1 in key x", "op 1 which failed");
    }

    @Test
    void readOfAnIntermediateState_isG1b() {
        HistoryScript h = new HistoryScript();
        invoke(h, 0, txn(append("x", 1), append("x", 2)));
        ok(h, 1, txn(r("x", 1)));
        h.ok(0, txn(append("x", 1), append("x", 2)));
        ok(h, 2, txn(r("x", 1, 2)));

        CheckResult result = serializable.check(h.build());

        assertThat(only(result, "G1b").description()).contains("ending in 1", "final append to that key was 2");
        assertThat(result.verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void circularInformationFlow_isG1c() {
        HistoryScript h = new HistoryScript();
        List<Object> t1 = txn(append("x", 1), r("y", 1));
        List<Object> t2 = txn(append("y", 1), r("x", 1));
        invoke(h, 0, t1);
        invoke(h, 1, t2);
        h.ok(0, t1).ok(1, t2);

        CheckResult result = serializable.check(h.build());

        assertThat(types(result)).containsExactly("G1c");
        assertThat(result.anomalies().get(0).description()).contains("-wr->").doesNotContain("-rw->", "-ww->");
    }

    @Test
    void circularInformationFlowThroughTheLastElementRead_isG1c() {
        // op 5 reads x up to op 4's 2 (not only op 1's 1), and op 4 reads op 5's y: a wr cycle.
        HistoryScript h = new HistoryScript();
        ok(h, 0, txn(append("x", 1)));
        List<Object> t2 = txn(append("x", 2), r("y", 5));
        List<Object> t3 = txn(append("y", 5), r("x", 1, 2));
        invoke(h, 1, t2);
        invoke(h, 2, t3);
        h.ok(1, t2).ok(2, t3);

        CheckResult result = serializable.check(h.build());

        assertThat(types(result)).containsExactly("G1c");
        assertThat(result.anomalies().get(0).description()).contains("op 5 read key x as [1, 2], ending in op 4's 2");
    }

    @Test
    void lostUpdate_isLostUpdateAndGSingleItem() {
        HistoryScript h = new HistoryScript();
        List<Object> t1 = txn(r("x"), append("x", 1));
        List<Object> t2 = txn(r("x"), append("x", 2));
        invoke(h, 0, t1);
        invoke(h, 1, t2);
        h.ok(0, t1).ok(1, t2);
        ok(h, 2, txn(r("x", 1, 2)));

        CheckResult result = serializable.check(h.build());

        assertThat(types(result)).containsExactlyInAnyOrder("lost-update", "G-single-item");
        Anomaly cycle = only(result, "G-single-item");
        assertThat(cycle.description()).contains("-ww->", "-rw->", "op 3 read key x as [], without op 2's 1 that came next");
        assertThat(cycle.ops()).hasSize(2);
    }

    @Test
    void writeSkew_isG2Item() {
        HistoryScript h = new HistoryScript();
        List<Object> t1 = txn(r("x"), r("y"), append("x", 1));
        List<Object> t2 = txn(r("x"), r("y"), append("y", 1));
        invoke(h, 0, t1);
        invoke(h, 1, t2);
        h.ok(0, t1).ok(1, t2);
        ok(h, 2, txn(r("x", 1), r("y", 1)));

        CheckResult result = serializable.check(h.build());

        assertThat(types(result)).containsExactly("G2-item");
        assertThat(result.anomalies().get(0).description()).contains("op 2 -rw-> op 3 -rw-> op 2");
    }

    @Test
    void acknowledgedAppendThatNoLaterReadIncludes_isSerializableButLostInRealTime() {
        HistoryScript h = new HistoryScript();
        ok(h, 0, txn(append("x", 1)));
        ok(h, 1, txn(append("x", 2)));
        ok(h, 2, txn(r("x", 2)));

        assertThat(serializable.check(h.build()).verdict()).isEqualTo(Verdict.VALID);
        CheckResult result = strict.check(h.build());

        // 1 was appended after 2 (no read shows it), though op 1 completed before 2's append began.
        assertThat(types(result)).containsExactlyInAnyOrder("G0-realtime", "G-single-item-realtime");
        assertThat(only(result, "G-single-item-realtime").description())
                .contains("without op 1's 1 (which no read shows");
    }

    @Test
    void appendMissingOnlyFromAConcurrentRead_isNotLost() {
        HistoryScript h = new HistoryScript();
        invoke(h, 1, txn(r("x")));
        ok(h, 0, txn(append("x", 1)));
        h.ok(1, txn(r("x")));

        assertThat(serializable.check(h.build()).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void elementReadTwice_isDuplicateElements() {
        HistoryScript h = new HistoryScript();
        ok(h, 0, txn(append("x", 1)));
        ok(h, 1, txn(r("x", 1, 1)));

        CheckResult result = serializable.check(h.build());

        assertThat(types(result)).containsExactly("duplicate-elements");
        assertThat(result.anomalies().get(0).ops()).extracting(Op::index).containsExactly(1L, 3L);
    }

    @Test
    void entryCrossedIntoAnotherAgentsLog_isWrongKey() {
        HistoryScript h = new HistoryScript();
        ok(h, 0, txn(append("agent-a", "a1")));
        ok(h, 1, txn(append("agent-b", "b1")));
        ok(h, 2, txn(r("agent-a", "a1"), r("agent-b", "b1", "a1")));

        CheckResult result = serializable.check(h.build());

        assertThat(types(result)).contains("wrong-key");
        assertThat(only(result, "wrong-key").description()).contains("a1 was appended to key agent-a", "never to key agent-b");
    }

    @Test
    void elementNobodyAppended_isUnwrittenValue() {
        HistoryScript h = new HistoryScript();
        ok(h, 0, txn(append("x", 1)));
        ok(h, 1, txn(r("x", 1, 99)));

        assertThat(types(serializable.check(h.build()))).containsExactly("unwritten-value");
    }

    @Test
    void readsThatAreNotPrefixesOfEachOther_areIncompatibleOrder() {
        HistoryScript h = new HistoryScript();
        ok(h, 0, txn(append("x", 1)));
        ok(h, 1, txn(append("x", 2)));
        ok(h, 2, txn(r("x", 1, 2)));
        ok(h, 3, txn(r("x", 2, 1)));

        CheckResult result = serializable.check(h.build());

        assertThat(types(result)).containsExactly("incompatible-order");
    }

    @Test
    void readThatMissesItsOwnAppend_isInternal() {
        HistoryScript h = new HistoryScript();
        ok(h, 0, txn(append("x", 1), r("x")));

        CheckResult result = serializable.check(h.build());

        assertThat(types(result)).contains("internal");
    }

    @Test
    void staleReadAfterACompletedAppend_isSerializableButNotStrictlySo() {
        HistoryScript h = new HistoryScript();
        ok(h, 0, txn(append("x", 1)));
        ok(h, 1, txn(r("x")));
        ok(h, 2, txn(r("x", 1)));

        assertThat(serializable.check(h.build()).verdict()).isEqualTo(Verdict.VALID);
        CheckResult result = strict.check(h.build());
        Anomaly cycle = only(result, "G-single-item-realtime");
        assertThat(cycle.description()).contains("-realtime->", "-rw->", "op 1 completed before op 3 began");
    }

    @Test
    void indeterminateTransactionCanCloseACycle() {
        HistoryScript h = new HistoryScript();
        List<Object> t2 = txn(append("x", 2), append("y", 2));
        invoke(h, 0, txn(append("x", 1), append("y", 1))).info(0);
        ok(h, 1, t2);
        ok(h, 2, txn(r("x", 1, 2), r("y", 2, 1)));

        assertThat(types(serializable.check(h.build()))).containsExactly("G0");
    }

    @Test
    void valueAppendedTwiceToOneKey_isUnknown() {
        HistoryScript h = new HistoryScript();
        ok(h, 0, txn(append("x", 1)));
        ok(h, 1, txn(append("x", 1)));

        CheckResult result = serializable.check(h.build());

        assertThat(result.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(result.summary()).contains("op 3", "unique per key");
    }

    @Test
    void microOpThatIsNotATriple_isUnknownAndNamesTheOp() {
        HistoryScript h = new HistoryScript();
        h.invoke(0, "txn", null, List.of(List.of("append", "x"))).ok(0);

        CheckResult result = serializable.check(h.build());

        assertThat(result.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(result.summary()).contains("op 1", "[f key value]");
    }

    @Test
    void historyWithoutOkTransactions_isUnknown() {
        HistoryScript h = new HistoryScript();
        invoke(h, 0, txn(append("x", 1))).fail(0);

        assertThat(serializable.check(h.build()).verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void keywordNamesAndIntegersOfAnyWidth_areRead() {
        HistoryScript h = new HistoryScript();
        ok(h, 0, txn(List.of(":append", 1L, 1L)));
        ok(h, 1, txn(List.of(":r", 1L, List.of(1))));

        assertThat(serializable.check(h.build()).verdict()).isEqualTo(Verdict.VALID);
    }
}
