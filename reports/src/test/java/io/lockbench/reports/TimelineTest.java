package io.lockbench.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineTest {

    @Test
    void completions_areCountedPerSecondInBuckets_byOutcome_withTheRunsFaults(@TempDir Path dir) {
        StressRun run = ReportInputs.read(List.of(Fixtures.copy(Fixtures.OPTIMISTIC_RUN, dir))).stress().get(0);

        Timeline t = Timeline.of(run);

        // the fixture: 30 reads, one every 100 ms, the 11th and 12th failed; faults until 2.83 s, the last read at 2.9 s
        assertThat(t.bucketSeconds()).isEqualTo(0.05);
        double total = 0;
        double failed = 0;
        for (int i = 0; i < t.ok().size(); i++) {
            total += (t.ok().get(i) + t.fail().get(i) + t.info().get(i)) * t.bucketSeconds();
            failed += t.fail().get(i) * t.bucketSeconds();
        }
        assertThat(total).isEqualTo(30.0);
        assertThat(failed).isEqualTo(2.0);
        assertThat(t.fail().get(20)).as("the read that completed at 1.0 s failed").isEqualTo(20.0);
        assertThat(t.faults()).hasSize(3).allSatisfy(f -> assertThat(f.fault()).isEqualTo("kill-connections"));
        assertThat(t.endS()).as("the last completion, after the last fault").isEqualTo(2.9);
    }

    @Test
    void theRunShown_isACorrectVariantUnderAFault_whenThereIsOne(@TempDir Path dir) {
        List<StressRun> runs = ReportInputs.read(List.of(Fixtures.copy(Fixtures.TWIN_RUN, dir),
                Fixtures.copy(Fixtures.OPTIMISTIC_RUN, dir))).stress();

        assertThat(Timeline.choose(runs)).map(r -> r.results().scenario()).hasValue("optimistic--kill-connections");
    }

    @Test
    void bucketWidths_areRoundNumbers() {
        assertThat(Timeline.niceBucket(0.037)).isEqualTo(0.05);
        assertThat(Timeline.niceBucket(0.12)).isEqualTo(0.2);
        assertThat(Timeline.niceBucket(0.9)).isEqualTo(1.0);
    }
}
