package io.lockbench.stress.checker;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.stress.checker.elle.ConsistencyModel;
import io.lockbench.stress.checker.elle.ListAppendChecker;
import io.lockbench.stress.checker.mutex.MutexChecker;
import io.lockbench.stress.checker.sequence.SequenceChecker;
import io.lockbench.stress.history.History;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The invariant checkers each pick their own operations, so they compose over one history. */
class InvariantCheckersCompositionTest {

    private final CompositeChecker all = CompositeChecker.of(
            new SequenceChecker(), new MutexChecker(), new ListAppendChecker(ConsistencyModel.STRICT_SERIALIZABLE));

    private static HistoryScript mixedRun() {
        HistoryScript h = new HistoryScript();
        h.call(0, "acquire", "r1", null, 1L);
        h.invoke(0, "fenced-write", "r1", 1L).ok(0);
        h.call(1, "append", "f1", "a", 1L);
        h.invoke(2, "txn", null, List.of(java.util.Arrays.asList("append", 1L, 1L))).ok(2);
        h.call(0, "release", "r1", null, null);
        h.call(3, "read", "f1", null, List.of(List.of(1L, "a")));
        h.invoke(2, "txn", null, List.of(java.util.Arrays.asList("r", 1L, null))).ok(2, List.of(List.of("r", 1L, List.of(1L))));
        return h;
    }

    @Test
    void historyValidForEveryChecker_isValid() {
        CheckResult r = all.check(mixedRun().build());

        assertThat(r.verdict()).as(r.summary()).isEqualTo(Verdict.VALID);
        assertThat(r.stats()).containsEntry("sequence", "valid").containsEntry("mutex", "valid")
                .containsEntry("list-append", "valid");
    }

    @Test
    void anomalyFoundByOneChecker_makesTheWholeRunInvalid() {
        HistoryScript h = mixedRun();
        h.call(4, "acquire", "r1", null, 1L);
        History history = h.build();

        CheckResult r = all.check(history);

        assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(r.stats()).containsEntry("mutex", "invalid").containsEntry("sequence", "valid");
        assertThat(r.anomalies()).extracting(Anomaly::type).containsExactly("token-not-monotonic");
    }

    @Test
    void checkerWithNothingToCheck_makesTheRunUnknown() {
        HistoryScript h = new HistoryScript();
        h.call(1, "append", "f1", "a", 1L);
        h.call(3, "read", "f1", null, List.of(List.of(1L, "a")));

        CheckResult r = all.check(h.build());

        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.stats()).containsEntry("sequence", "valid").containsEntry("mutex", "unknown");
    }
}
