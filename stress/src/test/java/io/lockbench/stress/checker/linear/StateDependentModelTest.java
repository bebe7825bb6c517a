package io.lockbench.stress.checker.linear;

import static io.lockbench.stress.checker.linear.Hist.history;
import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.stress.checker.Verdict;
import io.lockbench.stress.history.History;
import org.junit.jupiter.api.Test;

/** A model whose ops' results depend on the state (a counter) is checked by trying indeterminate ops everywhere. */
class StateDependentModelTest {

    private static Verdict check(History h) {
        return new LinearizabilityChecker(new CounterModel()).check(h).verdict();
    }

    @Test
    void concurrentAddsInAnyOrder_areLinearizable() {
        assertThat(check(history()
                .invoke(0, "add", 1L).invoke(1, "add", 2L).invoke(2, "read", null)
                .ok(2, "read", 2L).ok(0, "add", 1L).ok(1, "add", 2L)
                .invoke(2, "read", null).ok(2, "read", 3L).build())).isEqualTo(Verdict.VALID);
    }

    @Test
    void anIndeterminateAddThatHappened_explainsARead() {
        assertThat(check(history()
                .invoke(0, "add", 5L).info(0, "add", 5L)
                .invoke(1, "add", 1L).ok(1, "add", 1L)
                .invoke(2, "read", null).ok(2, "read", 6L).build())).isEqualTo(Verdict.VALID);
    }

    @Test
    void anIndeterminateAddTakesEffectAtMostOnce() {
        assertThat(check(history()
                .invoke(0, "add", 5L).info(0, "add", 5L)
                .invoke(2, "read", null).ok(2, "read", 10L).build())).isEqualTo(Verdict.INVALID);
    }

    @Test
    void aReadOfATotalNoOrderGives_isNotLinearizable() {
        assertThat(check(history()
                .invoke(0, "add", 1L).ok(0, "add", 1L)
                .invoke(1, "add", 2L).ok(1, "add", 2L)
                .invoke(2, "read", null).ok(2, "read", 2L).build())).isEqualTo(Verdict.INVALID);
    }
}
