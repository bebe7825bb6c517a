package io.lockbench.stress.checker.linear;

import static io.lockbench.stress.checker.linear.Hist.history;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.checker.Verdict;
import io.lockbench.stress.history.History;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A search that would cost more than allowed answers unknown, never a guess. */
class SearchBudgetTest {

    /** Many writes of distinct values all in flight at once: every subset may come first. */
    private static History concurrentWrites(int n) {
        Hist h = history();
        for (int p = 0; p < n; p++) {
            h.invoke(p, "write", (long) p);
        }
        for (int p = 0; p < n; p++) {
            h.ok(p, "write", (long) p);
        }
        return h.invoke(n, "read", null).ok(n, "read", 0L).build();
    }

    @Test
    void aSearchOverTheConfigurationBudget_isUnknown() {
        CheckResult r = new LinearizabilityChecker(new CasRegisterModel(),
                new SearchBudget(Duration.ofSeconds(60), 1_000)).check(concurrentWrites(20));

        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.summary()).contains("configuration budget of 1000 exceeded at op 0");
    }

    @Test
    void aSearchOverTheTimeBudget_isUnknown() {
        CheckResult r = new LinearizabilityChecker(new CasRegisterModel(),
                new SearchBudget(Duration.ofMillis(50), Integer.MAX_VALUE)).check(concurrentWrites(40));

        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.summary()).contains("time budget of 0.05s spent");
    }

    @Test
    void theSameHistoryWithinBudget_isDecided() {
        assertThat(Verdicts.casRegister(concurrentWrites(8)).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void aBudgetMustBePositive() {
        assertThatThrownBy(() -> new SearchBudget(Duration.ofSeconds(1), 0))
                .hasMessage("maxConfigurations must be at least 1, was 0");
        assertThatThrownBy(() -> new SearchBudget(Duration.ofSeconds(-1), 10))
                .hasMessageStartingWith("timeLimit must not be negative");
    }
}
