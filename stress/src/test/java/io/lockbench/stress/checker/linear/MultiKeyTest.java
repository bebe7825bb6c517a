package io.lockbench.stress.checker.linear;

import static io.lockbench.stress.checker.linear.Hist.history;
import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.checker.Verdict;
import org.junit.jupiter.api.Test;

/** Each key is its own register (P-compositionality). */
class MultiKeyTest {

    @Test
    void keysAreCheckedIndependently_soInterleavedValidKeysAreValid() {
        CheckResult r = Verdicts.casRegister(history()
                .key("a").invoke(0, "write", 1L).key("b").invoke(1, "write", 2L)
                .key("a").ok(0, "write", 1L).key("b").ok(1, "write", 2L)
                .key("a").invoke(0, "read", null).ok(0, "read", 1L)
                .key("b").invoke(1, "read", null).ok(1, "read", 2L).build());
        assertThat(r.verdict()).isEqualTo(Verdict.VALID);
        assertThat(r.stats()).containsEntry("keys", 2);
    }

    @Test
    void oneBadKey_makesTheHistoryInvalid_andIsNamed() {
        CheckResult r = Verdicts.casRegister(history()
                .key("a").invoke(0, "write", 1L).ok(0, "write", 1L)
                .key("b").invoke(1, "write", 2L).ok(1, "write", 2L)
                .key("b").invoke(1, "read", null).ok(1, "read", 1L)
                .key("a").invoke(0, "read", null).ok(0, "read", 1L).build());
        assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(r.summary()).isEqualTo("cas-register: 2 keys, 4 ops: not linearizable (1 key: b)");
        assertThat(r.anomalies()).singleElement()
                .satisfies(a -> assertThat(a.description()).contains("cannot be linearized on key b"));
    }

    @Test
    void aValueOnAnotherKey_doesNotExplainARead() {
        assertThat(Verdicts.casRegister(history()
                .key("a").invoke(0, "write", 1L).ok(0, "write", 1L)
                .key("b").invoke(1, "read", null).ok(1, "read", 1L).build()).verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void anOpTheModelDoesNotKnow_makesItsKeyUnknown_andTheOtherKeysAreStillChecked() {
        CheckResult r = Verdicts.casRegister(history()
                .key("a").invoke(0, "write", 1L).ok(0, "write", 1L)
                .key("b").invoke(1, "write", 2L).ok(1, "write", 2L)
                .key("b").invoke(1, "frobnicate", 2L).ok(1, "frobnicate", 2L)
                .key("c").invoke(2, "write", 3L).ok(2, "write", 3L)
                .key("c").invoke(2, "read", null).ok(2, "read", 4L).build());

        assertThat(r.verdict()).as("key c is invalid whatever b is").isEqualTo(Verdict.INVALID);
        assertThat(r.stats()).containsEntry("keys-unknown", 1).containsEntry("keys-invalid", 1);
    }

    @Test
    void anOpTheModelDoesNotKnow_isNamedAsTheReasonItsKeyIsUnknown() {
        CheckResult r = Verdicts.casRegister(history()
                .key("a").invoke(0, "write", 1L).ok(0, "write", 1L)
                .key("b").invoke(1, "frobnicate", 2L).ok(1, "frobnicate", 2L).build());

        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.summary()).contains("key b: op 2: the cas-register model has no operation \"frobnicate\"");
    }
}
