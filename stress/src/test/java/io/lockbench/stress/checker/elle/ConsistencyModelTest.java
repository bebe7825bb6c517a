package io.lockbench.stress.checker.elle;

import static io.lockbench.stress.checker.elle.ConsistencyModel.READ_COMMITTED;
import static io.lockbench.stress.checker.elle.ConsistencyModel.READ_UNCOMMITTED;
import static io.lockbench.stress.checker.elle.ConsistencyModel.SERIALIZABLE;
import static io.lockbench.stress.checker.elle.ConsistencyModel.SNAPSHOT_ISOLATION;
import static io.lockbench.stress.checker.elle.ConsistencyModel.STRICT_SERIALIZABLE;
import static io.lockbench.stress.checker.elle.ConsistencyModel.STRONG_SESSION_READ_COMMITTED;
import static io.lockbench.stress.checker.elle.ConsistencyModel.STRONG_SESSION_READ_UNCOMMITTED;
import static io.lockbench.stress.checker.elle.ConsistencyModel.STRONG_SESSION_SERIALIZABLE;
import static io.lockbench.stress.checker.elle.ConsistencyModel.STRONG_SESSION_SNAPSHOT_ISOLATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The models' lattice and forbidden anomalies against Elle's consistency_model.clj, for the strong session models. */
class ConsistencyModelTest {

    /** What {@code stronger} forbids beyond {@code weaker}. */
    private static Set<String> added(ConsistencyModel stronger, ConsistencyModel weaker) {
        Set<String> out = new HashSet<>(stronger.forbids());
        out.removeAll(weaker.forbids());
        return out;
    }

    @Test
    void eachStrongSessionModel_forbidsItsPlainModelsAnomaliesPlusTheProcessCyclesElleGivesIt() {
        assertThat(added(STRONG_SESSION_READ_UNCOMMITTED, READ_UNCOMMITTED)).containsExactly("G0-process");
        assertThat(added(STRONG_SESSION_READ_COMMITTED, READ_COMMITTED))
                .containsExactlyInAnyOrder("G0-process", "G1c-process");
        assertThat(added(STRONG_SESSION_SNAPSHOT_ISOLATION, SNAPSHOT_ISOLATION)).containsExactlyInAnyOrder(
                "G0-process", "G1c-process", "G-single-item-process", "G-nonadjacent-item-process");
        assertThat(added(STRONG_SESSION_SERIALIZABLE, SERIALIZABLE)).containsExactlyInAnyOrder("G0-process",
                "G1c-process", "G-single-item-process", "G-nonadjacent-item-process", "G2-item-process");
    }

    @Test
    void strongSessionSnapshotIsolation_allowsG2ItemProcess_asSnapshotIsolationAllowsWriteSkew() {
        assertThat(STRONG_SESSION_SNAPSHOT_ISOLATION.forbids()).doesNotContain("G2-item", "G2-item-process");
    }

    @Test
    void strictSerializable_impliesStrongSessionSerializable_soForbidsEveryProcessCycle() {
        assertThat(STRICT_SERIALIZABLE.implies()).contains(STRONG_SESSION_SERIALIZABLE, SERIALIZABLE,
                STRONG_SESSION_SNAPSHOT_ISOLATION, STRONG_SESSION_READ_COMMITTED, STRONG_SESSION_READ_UNCOMMITTED);
        assertThat(STRICT_SERIALIZABLE.forbids()).containsAll(STRONG_SESSION_SERIALIZABLE.forbids());
    }

    @Test
    void plainModels_doNotImplyTheStrongSessionOnes() {
        assertThat(SERIALIZABLE.implies()).doesNotContain(STRONG_SESSION_READ_UNCOMMITTED);
        assertThat(SERIALIZABLE.forbids()).noneMatch(a -> a.endsWith("-process"));
    }

    @Test
    void strongSessionModelsNeedProcessOrder_strictNeedsRealTimeOnly_plainOnesNeither() {
        assertThat(TxnOrder.neededBy(Set.of(SERIALIZABLE, SNAPSHOT_ISOLATION))).isEqualTo(TxnOrder.NONE);
        assertThat(TxnOrder.neededBy(Set.of(SERIALIZABLE, STRONG_SESSION_READ_UNCOMMITTED)))
                .isEqualTo(TxnOrder.PROCESS);
        assertThat(TxnOrder.neededBy(Set.of(STRONG_SESSION_SERIALIZABLE, STRICT_SERIALIZABLE)))
                .isEqualTo(TxnOrder.REALTIME);
    }

    @Test
    void strongSessionNames_parseAsElleWritesThem() {
        assertThat(ConsistencyModel.parse(":strong-session-serializable, strong-session-snapshot-isolation"))
                .containsExactlyInAnyOrder(STRONG_SESSION_SERIALIZABLE, STRONG_SESSION_SNAPSHOT_ISOLATION);
        assertThat(ConsistencyModel.names()).contains("strong-session-read-uncommitted",
                "strong-session-read-committed");
    }
}
