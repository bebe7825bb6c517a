package io.lockbench.stress.checker.linear;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.checker.HistoryScript;
import io.lockbench.stress.checker.Verdict;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Knossos's multi-register model, on histories whose verdict Knossos gives by its definition. */
class MultiRegisterModelTest {

    private final LinearizabilityChecker checker =
            new LinearizabilityChecker(new MultiRegisterModel(), SearchBudget.defaults());

    private static List<Object> mop(String f, String k, Object v) {
        return Arrays.asList(f, k, v);
    }

    @Test
    void writeOfUnknownOutcomeThatAReadObserved_isLinearizable() {
        HistoryScript h = new HistoryScript();
        h.invoke(0, "txn", null, List.of(mop("write", "x", 1L))).info(0);
        h.invoke(1, "txn", null, List.of(mop("read", "x", null))).ok(1, List.of(mop("read", "x", 1L)));

        CheckResult r = checker.check(h.build());

        assertThat(r.verdict()).as(r.toString()).isEqualTo(Verdict.VALID);
    }

    @Test
    void readOfTwoRegistersThatNoStateHad_isNotLinearizable() {
        HistoryScript h = new HistoryScript();
        h.call(0, "txn", null, List.of(mop("write", "x", 1L), mop("write", "y", 1L)),
                List.of(mop("write", "x", 1L), mop("write", "y", 1L)));
        h.call(0, "txn", null, List.of(mop("write", "x", 2L), mop("write", "y", 2L)),
                List.of(mop("write", "x", 2L), mop("write", "y", 2L)));
        h.call(1, "txn", null, List.of(mop("read", "x", null), mop("read", "y", null)),
                List.of(mop("read", "x", 2L), mop("read", "y", 1L)));

        assertThat(checker.check(h.build()).verdict()).isEqualTo(Verdict.INVALID);
    }
}
