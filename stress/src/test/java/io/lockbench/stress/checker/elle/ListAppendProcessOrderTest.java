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
import io.lockbench.stress.history.History;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Process edges and the {@code -process} cycles, drawn only for the strong session models. */
class ListAppendProcessOrderTest {

    private final ListAppendChecker serializable = new ListAppendChecker();
    private final ListAppendChecker session = new ListAppendChecker(ConsistencyModel.STRONG_SESSION_SERIALIZABLE);
    private final ListAppendChecker strict = new ListAppendChecker(ConsistencyModel.STRICT_SERIALIZABLE);

    private static List<String> types(CheckResult r) {
        return r.anomalies().stream().map(Anomaly::type).toList();
    }

    /** Process 0 appends 1 to x, then reads x without it. */
    private static History ownAppendUnread() {
        HistoryScript h = new HistoryScript();
        ok(h, 0, txn(append("x", 1)));
        ok(h, 0, txn(r("x")));
        return h.build();
    }

    @Test
    @SuppressWarnings("unchecked")
    void readMissingTheProcessesOwnEarlierAppend_isGSingleItemProcess() {
        CheckResult result = session.check(ownAppendUnread());

        assertThat(types(result)).containsExactly("G-single-item-process");
        assertThat(result.anomalies().get(0).description()).contains("op 3 -rw-> op 1 -process-> op 3",
                "process 0 ran op 1 (ok) before op 3");
        assertThat(result.stats()).containsEntry("process-edges", 1).containsEntry("realtime-edges", 0)
                .containsEntry("not", List.of("strong-session-snapshot-isolation"));
        assertThat((List<Object>) result.stats().get("satisfies")).contains("serializable",
                "strong-session-read-committed");
    }

    @Test
    void atSerializable_noProcessEdgesAreDrawn_andTheHistoryIsValid() {
        CheckResult result = serializable.check(ownAppendUnread());

        assertThat(result.verdict()).isEqualTo(Verdict.VALID);
        assertThat(result.stats()).containsEntry("process-edges", 0)
                .containsEntry("allowed-anomaly-types", List.of());
    }

    @Test
    void atStrictSerializable_realTimeEdgesCloseTheCycle_andWinTheName() {
        CheckResult result = strict.check(ownAppendUnread());

        assertThat(types(result)).containsExactly("G-single-item-realtime");
        assertThat(result.stats()).containsEntry("process-edges", 0);
    }

    @Test
    void failedTransactionInBetween_leavesTheProcessOrderOfItsOkOnes() {
        HistoryScript h = new HistoryScript();
        ok(h, 0, txn(append("x", 1)));
        invoke(h, 0, txn(append("x", 2))).fail(0);
        ok(h, 0, txn(r("x")));

        assertThat(types(session.check(h.build()))).containsExactly("G-single-item-process");
    }

    @Test
    void transactionsOfDifferentProcesses_areNotOrderedByProcess() {
        HistoryScript h = new HistoryScript();
        ok(h, 0, txn(append("x", 1)));
        ok(h, 1, txn(r("x")));

        assertThat(session.check(h.build()).verdict()).isEqualTo(Verdict.VALID);
        assertThat(strict.check(h.build()).verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void indeterminateTransaction_takesNoPartInProcessOrder_asInElle() {
        // Process 0's read saw the element its next transaction appended, but that one ended info:
        // Elle's process graph links ok transactions only, so no G1c-process.
        HistoryScript h = new HistoryScript();
        ok(h, 0, txn(r("x", 1)));
        invoke(h, 0, txn(append("x", 1))).info(0);

        CheckResult result = session.check(h.build());

        assertThat(result.verdict()).isEqualTo(Verdict.VALID);
        assertThat(types(strict.check(h.build()))).containsExactly("G1c-realtime");
    }
}
