package io.lockbench.bench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lockbench.impl.catalog.Variant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchSummaryTest {

    private static List<BenchResult> results() throws Exception {
        return BenchFile.read(BenchFileTest.fixture()).results();
    }

    private static BenchResult find(List<BenchResult> results, String method, String mode) {
        return results.stream().filter(r -> r.method().equals(method) && r.mode().equals(mode)).findFirst()
                .orElseThrow();
    }

    private static SummaryRow row(List<SummaryRow> rows, String method) {
        return rows.stream().filter(r -> r.method().equals(method)).findFirst().orElseThrow();
    }

    @Test
    void eachStrategyIsDividedByItsBaselineInTheSameCell() throws Exception {
        List<BenchResult> results = results();
        List<SummaryRow> rows = BenchSummary.of(results);

        assertThat(rows).extracting(SummaryRow::method)
                .containsExactlyInAnyOrder("optimistic", "rawInsert", "rawUpdate", "constrainedSequence");
        double update = find(results, "rawUpdate", "thrpt").primary().score();
        double insert = find(results, "rawInsert", "thrpt").primary().score();
        SummaryRow optimistic = row(rows, "optimistic");
        SummaryRow sequence = row(rows, "constrainedSequence");
        assertThat(optimistic.variant()).contains(Variant.OPTIMISTIC);
        assertThat(optimistic.baseline()).isEqualTo(Baseline.RAW_UPDATE);
        assertThat(optimistic.ratio()).isCloseTo(optimistic.opsPerSec() / update, within(1e-12));
        assertThat(sequence.baseline()).as("sequencing adds rows: its baseline is a plain INSERT")
                .isEqualTo(Baseline.RAW_INSERT);
        assertThat(sequence.ratio()).isCloseTo(sequence.opsPerSec() / insert, within(1e-12));
        assertThat(row(rows, "rawUpdate").isBaseline()).isTrue();
        assertThat(row(rows, "rawUpdate").ratio()).isEqualTo(1.0);
    }

    @Test
    void latencyComesFromTheSampleResultOfTheSameCell_andCountersAreDividedByCalls() throws Exception {
        List<BenchResult> results = results();
        SummaryRow optimistic = row(BenchSummary.of(results), "optimistic");
        BenchResult sample = find(results, "optimistic", "sample");
        BenchResult thrpt = find(results, "optimistic", "thrpt");

        assertThat(optimistic.latencyMicros().p99()).isEqualTo(sample.percentileMicros(99).orElseThrow());
        assertThat(optimistic.latencyMicros().max()).isEqualTo(sample.percentileMicros(100).orElseThrow());
        double calls = thrpt.secondary("calls").orElseThrow().score();
        assertThat(optimistic.perCall().conflicts())
                .isEqualTo(thrpt.secondary("conflicts").orElseThrow().score() / calls);
        assertThat(optimistic.okPerSec())
                .isEqualTo(optimistic.opsPerSec() * thrpt.secondary("ok").orElseThrow().score() / calls);
    }

    @Test
    void withoutTheBaselineInTheRun_theRatioIsUnknownNotGuessed() throws Exception {
        List<BenchResult> withoutBaseline = results().stream().filter(r -> !r.method().equals("rawUpdate")).toList();

        SummaryRow optimistic = row(BenchSummary.of(withoutBaseline), "optimistic");

        assertThat(optimistic.ratio()).isNaN();
        assertThat(optimistic.baselineOpsPerSec()).isNaN();
        assertThat(optimistic.opsPerSec()).isPositive();
    }

    @Test
    void theTable_isAsciiWithOneLinePerCellAndTheRatio() throws Exception {
        List<SummaryRow> rows = BenchSummary.of(results());

        String table = SummaryTable.render(rows);

        assertThat(table.lines().filter(l -> l.startsWith("sqlite"))).hasSize(4);
        assertThat(table).contains("rawUpdate*").contains(String.format(java.util.Locale.ROOT, "%.2fx",
                row(rows, "optimistic").ratio()));
        assertThat(table.chars().allMatch(c -> c < 128)).as("ASCII only").isTrue();
    }
}
