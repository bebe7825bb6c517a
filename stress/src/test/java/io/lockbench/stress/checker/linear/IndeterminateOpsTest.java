package io.lockbench.stress.checker.linear;

import static io.lockbench.stress.checker.linear.Hist.history;
import static io.lockbench.stress.checker.linear.Hist.pair;
import static io.lockbench.stress.checker.linear.Verdicts.casRegister;
import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.stress.checker.Verdict;
import org.junit.jupiter.api.Test;

/** Ops that ended {@code info} (or never completed): they may take effect at any time after invocation, or never. */
class IndeterminateOpsTest {

    @Test
    void anInfoWriteThatHappened_explainsALaterRead() {
        assertThat(casRegister(history()
                .invoke(0, "write", 1L).ok(0, "write", 1L)
                .invoke(1, "write", 2L).info(1, "write", 2L)
                .invoke(2, "read", null).ok(2, "read", 2L).build()).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void anInfoWriteThatDidNotHappen_isFineToo() {
        assertThat(casRegister(history()
                .invoke(0, "write", 1L).ok(0, "write", 1L)
                .invoke(1, "write", 2L).info(1, "write", 2L)
                .invoke(2, "read", null).ok(2, "read", 1L).build()).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void anInfoWriteMayTakeEffectLongAfterItsProcessGaveUp() {
        assertThat(casRegister(history()
                .invoke(1, "write", 2L).info(1, "write", 2L)
                .invoke(0, "write", 1L).ok(0, "write", 1L)
                .invoke(2, "read", null).ok(2, "read", 1L)
                .invoke(2, "read", null).ok(2, "read", 2L).build()).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void anInfoWriteCannotTakeEffectBeforeItWasInvoked() {
        assertThat(casRegister(history()
                .invoke(2, "read", null).ok(2, "read", 2L)
                .invoke(1, "write", 2L).info(1, "write", 2L).build()).verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void anInfoWriteTakesEffectAtMostOnce() {
        assertThat(casRegister(history()
                .invoke(0, "write", 3L).info(0, "write", 3L)
                .invoke(1, "write", 4L).ok(1, "write", 4L)
                .invoke(2, "read", null).ok(2, "read", 3L)
                .invoke(1, "write", 5L).ok(1, "write", 5L)
                .invoke(2, "read", null).ok(2, "read", 3L).build()).verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void twoIdenticalInfoWrites_mayEachTakeEffectOnce() {
        assertThat(casRegister(history()
                .invoke(0, "write", 3L).info(0, "write", 3L)
                .invoke(10, "write", 3L).info(10, "write", 3L)
                .invoke(1, "write", 4L).ok(1, "write", 4L)
                .invoke(2, "read", null).ok(2, "read", 3L)
                .invoke(1, "write", 5L).ok(1, "write", 5L)
                .invoke(2, "read", null).ok(2, "read", 3L).build()).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void anOpThatNeverCompleted_mayHaveHappened() {
        assertThat(casRegister(history()
                .invoke(0, "write", 1L).ok(0, "write", 1L)
                .invoke(1, "cas", pair(1, 9))
                .invoke(2, "read", null).ok(2, "read", 9L).build()).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void anInfoCasTakesEffectOnlyIfItsExpectedValueIsThere() {
        assertThat(casRegister(history()
                .invoke(0, "write", 1L).ok(0, "write", 1L)
                .invoke(1, "cas", pair(5, 9)).info(1, "cas", pair(5, 9))
                .invoke(2, "read", null).ok(2, "read", 9L).build()).verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void aChainOfInfoOpsCanExplainARead() {
        assertThat(casRegister(history()
                .invoke(0, "write", 1L).ok(0, "write", 1L)
                .invoke(1, "cas", pair(2, 3)).info(1, "cas", pair(2, 3))
                .invoke(3, "cas", pair(1, 2)).info(3, "cas", pair(1, 2))
                .invoke(2, "read", null).ok(2, "read", 3L).build()).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void anInfoReadConstrainsNothing() {
        assertThat(casRegister(history()
                .invoke(0, "write", 1L).ok(0, "write", 1L)
                .invoke(1, "read", null).info(1, "read", null)
                .invoke(2, "read", null).ok(2, "read", 1L).build()).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void anInfoOpSavedForLater_isFoundEvenWhenTheCheapestExplanationFirstLooksAsGood() {
        // Read 1 (op 9) can be explained by either indeterminate op; only one choice also explains
        // read 1 (op 15), when the register holds 2 and only the write of 1 can help.
        assertThat(casRegister(history()
                .invoke(0, "write", 0L).ok(0, "write", 0L)
                .invoke(1, "cas", pair(0, 1)).info(1, "cas", pair(0, 1))
                .invoke(2, "write", 1L).info(2, "write", 1L)
                .invoke(3, "read", null).ok(3, "read", 1L)
                .invoke(0, "write", 0L).ok(0, "write", 0L)
                .invoke(0, "write", 2L).ok(0, "write", 2L)
                .invoke(3, "read", null).ok(3, "read", 1L).build()).verdict()).isEqualTo(Verdict.VALID);
    }
}
