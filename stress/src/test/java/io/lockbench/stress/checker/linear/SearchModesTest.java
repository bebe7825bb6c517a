package io.lockbench.stress.checker.linear;

import static io.lockbench.stress.checker.linear.Hist.history;
import static io.lockbench.stress.checker.linear.Hist.pair;
import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.stress.checker.Verdict;
import io.lockbench.stress.history.History;
import org.junit.jupiter.api.Test;

/** Each tier answers soundly in its own direction; the checker combines them. */
class SearchModesTest {

    /** Read 1 twice, separated by overwrites; one indeterminate write of 1 can explain only one read. */
    private static final History USED_TWICE = history()
            .invoke(0, "write", 3L).info(0, "write", 3L)
            .invoke(1, "write", 4L).ok(1, "write", 4L)
            .invoke(2, "read", null).ok(2, "read", 3L)
            .invoke(1, "write", 5L).ok(1, "write", 5L)
            .invoke(2, "read", null).ok(2, "read", 3L).build();

    /** Two indeterminate ops explain the first read equally cheaply; only one choice explains the second. */
    private static final History SAVED_FOR_LATER = history()
            .invoke(0, "write", 0L).ok(0, "write", 0L)
            .invoke(1, "cas", pair(0, 1)).info(1, "cas", pair(0, 1))
            .invoke(2, "write", 1L).info(2, "write", 1L)
            .invoke(3, "read", null).ok(3, "read", 1L)
            .invoke(0, "write", 0L).ok(0, "write", 0L)
            .invoke(0, "write", 2L).ok(0, "write", 2L)
            .invoke(3, "read", null).ok(3, "read", 1L).build();

    private static Verdict run(History h, SearchMode mode) {
        return Searches.search(new CasRegisterModel(), h, mode).run().verdict();
    }

    @Test
    void theRelaxedSearchLetsAnIndeterminateOpTakeEffectTwice_soOnlyItsFailuresAreProof() {
        assertThat(run(USED_TWICE, SearchMode.RELAXED)).isEqualTo(Verdict.VALID);
        assertThat(run(USED_TWICE, SearchMode.EXACT)).isEqualTo(Verdict.INVALID);
        assertThat(run(USED_TWICE, SearchMode.FRUGAL)).isEqualTo(Verdict.INVALID);
    }

    @Test
    void theFrugalSearchKeepsOneExplanation_soItsDeadEndsAfterDroppingOthersProveNothing() {
        LinearizationSearch<RegisterValue, RegisterOp> frugal =
                Searches.search(new CasRegisterModel(), SAVED_FOR_LATER, SearchMode.FRUGAL);
        frugal.run();
        assertThat(frugal.droppedConfigurations()).isTrue();
        assertThat(run(SAVED_FOR_LATER, SearchMode.EXACT)).isEqualTo(Verdict.VALID);
        assertThat(run(SAVED_FOR_LATER, SearchMode.RELAXED)).isEqualTo(Verdict.VALID);
    }

    @Test
    void theCheckerCombinesTheTiersIntoExactAnswers() {
        assertThat(Verdicts.casRegister(USED_TWICE).verdict()).isEqualTo(Verdict.INVALID);
        assertThat(Verdicts.casRegister(SAVED_FOR_LATER).verdict()).isEqualTo(Verdict.VALID);
    }
}
