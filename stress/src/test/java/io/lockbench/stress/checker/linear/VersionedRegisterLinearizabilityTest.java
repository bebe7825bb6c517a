package io.lockbench.stress.checker.linear;

import static io.lockbench.stress.checker.linear.Hist.history;
import static io.lockbench.stress.checker.linear.Verdicts.versioned;
import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.checker.Verdict;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionedRegisterLinearizabilityTest {

    private static List<Object> v(long version, Object value) {
        return Arrays.asList(version, value);
    }

    @Test
    void optimisticUpdatesInOrder_areLinearizable() {
        assertThat(versioned(history()
                .invoke(0, "read", null).ok(0, "read", v(0, null))
                .invoke(0, "write", v(0, "a")).ok(0, "write", v(0, "a"))
                .invoke(1, "read", null).ok(1, "read", v(1, "a"))
                .invoke(1, "write", v(1, "b")).ok(1, "write", v(1, "b"))
                .invoke(0, "read", null).ok(0, "read", v(2, "b")).build()).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void twoWritesThatBothSucceededFromTheSameVersion_areALostUpdate() {
        CheckResult r = versioned(history()
                .invoke(0, "write", v(0, "a")).invoke(1, "write", v(0, "b"))
                .ok(0, "write", v(0, "a")).ok(1, "write", v(0, "b")).build());
        assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(r.anomalies().get(0).description()).contains("state v1=a");
    }

    @Test
    void aConflictingWriteThatFailed_isFine() {
        assertThat(versioned(history()
                .invoke(0, "write", v(0, "a")).invoke(1, "write", v(0, "b"))
                .ok(0, "write", v(0, "a")).fail(1, "write", v(0, "b"))
                .invoke(1, "read", null).ok(1, "read", v(1, "a")).build()).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void readingAnOldVersionAfterANewerWriteCompleted_isNotLinearizable() {
        assertThat(versioned(history()
                .invoke(0, "write", v(0, "a")).ok(0, "write", v(0, "a"))
                .invoke(0, "write", v(1, "b")).ok(0, "write", v(1, "b"))
                .invoke(1, "read", null).ok(1, "read", v(1, "a")).build()).verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void aVersionWithTheWrongValue_isNotLinearizable() {
        assertThat(versioned(history()
                .invoke(0, "write", v(0, "a")).ok(0, "write", v(0, "a"))
                .invoke(1, "read", null).ok(1, "read", v(1, "z")).build()).verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void anInfoWriteThatCommitted_explainsTheNextVersion() {
        assertThat(versioned(history()
                .invoke(0, "write", v(0, "a")).info(0, "write", v(0, "a"))
                .invoke(1, "read", null).ok(1, "read", v(1, "a"))
                .invoke(1, "write", v(1, "b")).ok(1, "write", v(1, "b")).build()).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void aWriteValueWithoutAVersion_isUnknownWithTheReason() {
        CheckResult r = versioned(history().invoke(0, "write", "a").ok(0, "write", "a").build());
        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.summary()).contains("op 0: expected a write value [expected-version new-value] but found a");
    }
}
