package io.lockbench.stress.checker.linear;

import static io.lockbench.stress.checker.linear.Hist.history;
import static io.lockbench.stress.checker.linear.Hist.pair;
import static io.lockbench.stress.checker.linear.Verdicts.register;
import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.checker.Verdict;
import org.junit.jupiter.api.Test;

class RegisterLinearizabilityTest {

    @Test
    void writesAndReadsInOrder_areLinearizable() {
        assertThat(register(history()
                .invoke(0, "write", "a").ok(0, "write", "a")
                .invoke(1, "read", null).ok(1, "read", "a")
                .invoke(0, "write", "b").invoke(1, "read", null).ok(1, "read", "b").ok(0, "write", "b")
                .build()).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void staleReadAfterCompletedWrite_isNotLinearizable() {
        assertThat(register(history()
                .invoke(0, "write", "a").ok(0, "write", "a")
                .invoke(0, "write", "b").ok(0, "write", "b")
                .invoke(1, "read", null).ok(1, "read", "a").build()).verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void readOfAValueNeverWritten_isNotLinearizable() {
        assertThat(register(history()
                .invoke(0, "write", "a").ok(0, "write", "a")
                .invoke(1, "read", null).ok(1, "read", "z").build()).verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void aReadCannotSeeAWriteThatBeganAfterItEnded() {
        assertThat(register(history()
                .invoke(1, "read", null).ok(1, "read", "a")
                .invoke(0, "write", "a").ok(0, "write", "a").build()).verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void valuesAreComparedByValue_soOneAndOnePointZeroDiffer() {
        assertThat(register(history()
                .invoke(0, "write", 1L).ok(0, "write", 1L)
                .invoke(1, "read", null).ok(1, "read", 1.0).build()).verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void aCasIsNotPartOfThePlainRegister() {
        CheckResult r = register(history().invoke(0, "cas", pair(1, 2)).ok(0, "cas", pair(1, 2)).build());
        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.summary()).contains("the register model has no cas (use cas-register)");
    }
}
