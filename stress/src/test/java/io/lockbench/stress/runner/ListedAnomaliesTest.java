package io.lockbench.stress.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.stress.checker.Anomaly;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListedAnomaliesTest {

    private static List<Anomaly> of(String type, int n) {
        List<Anomaly> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new Anomaly(type, type + " " + i, List.of()));
        }
        return list;
    }

    @Test
    void aTypeFoundAfterManyOfAnother_isStillListed() {
        List<Anomaly> all = new ArrayList<>(of("fencing-token-regressed", 60));
        all.addAll(of("stale-holder-wrote", 6));

        List<Anomaly> listed = Results.listed(all);

        assertThat(listed).hasSize(Results.MAX_ANOMALIES);
        assertThat(listed).extracting(Anomaly::type).contains("stale-holder-wrote");
        assertThat(listed.get(0)).isSameAs(all.get(0));
    }

    @Test
    void fewAnomalies_areAllListedInTheirOrder() {
        List<Anomaly> all = of("two-holders", 5);

        assertThat(Results.listed(all)).containsExactlyElementsOf(all);
    }
}
