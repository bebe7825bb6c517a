package io.lockbench.stress.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticHistoriesTest {

    private static final SyntheticHistories.Spec SPEC = new SyntheticHistories.Spec("cas-register", 5_000, 4, 8, 0.1, 5, 7);

    @Test
    void theSameSpecGivesTheSameHistory() {
        assertThat(SyntheticHistories.generate(SPEC).ops()).isEqualTo(SyntheticHistories.generate(SPEC).ops());
    }

    @Test
    void generatedHistoriesAreWellFormed_withEveryOpCompleted() {
        History h = SyntheticHistories.generate(SPEC);
        assertThat(HistoryValidator.validate(h)).isEmpty();
        assertThat(h.size()).isEqualTo(10_000);
    }

    @Test
    void aboutTheRequestedShareOfOpsEndsInfo_andTheirProcessesRetire() {
        History h = SyntheticHistories.generate(SPEC);
        long info = h.ops().stream().filter(Op::isInfo).count();
        assertThat(info).isBetween(400L, 600L);
        Set<Long> processes = new HashSet<>();
        h.forEach(op -> processes.add(op.process()));
        assertThat(processes.size()).isGreaterThan(8 + 400);
    }

    @Test
    void oneKeyMeansASingleRegisterWithoutKeys() {
        History h = SyntheticHistories.generate(new SyntheticHistories.Spec("register", 100, 1, 3, 0, 5, 1));
        assertThat(h.ops()).allSatisfy(op -> assertThat(op.key()).isNull());
    }

    @Test
    void aBadSpecIsRejectedWithTheReason() {
        assertThatThrownBy(() -> new SyntheticHistories.Spec("queue", 1, 1, 1, 0, 0, 0))
                .hasMessage("model must be register, cas-register or versioned, was queue");
        assertThatThrownBy(() -> new SyntheticHistories.Spec("register", 1, 1, 1, 1.5, 0, 0))
                .hasMessage("infoRate must be within [0, 1], was 1.5");
    }
}
