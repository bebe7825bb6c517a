package io.lockbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.catalog.Variant;
import io.lockbench.impl.db.Backend;
import io.lockbench.stress.detection.DetectionTable;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CompareCommandTest {

    @Test
    void theQuickSubset_runsEveryVariant_withNoFaultAndUnderOneFault() {
        List<DetectionTable.Row> rows = CompareRows.of(Backend.SQLITE, true);

        assertThat(rows.stream().map(DetectionTable.Row::variant).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Variant.values());
        assertThat(rows).extracting(r -> r.variant().cliName() + "--" + r.fault()).contains(
                "optimistic--none", "optimistic--kill-connections", "verify-after-write--none",
                "verify-after-write--kill-connections", "pessimistic-claims--pause-client", "unfenced-claims--pause-client",
                "constrained-sequence--kill-connections", "agent-scoped--kill-connections");
        assertThat(rows).allSatisfy(r -> assertThat(Set.of("none", CompareRows.quickFault(r.variant().strategy())))
                .contains(r.fault()));
    }

    @Test
    void theFullSet_isEveryDetectionRowOfTheBackend() {
        assertThat(CompareRows.of(Backend.POSTGRESQL, false))
                .containsExactlyElementsOf(DetectionTable.rows().stream()
                        .filter(r -> r.backends().contains(Backend.POSTGRESQL)).toList());
    }

    @Test
    void anUnknownBackend_listsTheValidOnes() {
        CommandRun run = CommandRun.of("compare", "--backend", "mysql", "--quick");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("unknown backend 'mysql'; valid: sqlite, postgres, all");
    }

    @Test
    void quickAndFullTogether_isAUsageError() {
        CommandRun run = CommandRun.of("compare", "--quick", "--full");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("mutually exclusive");
    }
}
