package io.lockbench.bench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lockbench.impl.catalog.Variant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    private static BenchResult thrpt(String benchmark, double jmhScore, List<Double> measuredCallsPerIteration) {
        return new BenchResult(benchmark, BenchResult.THROUGHPUT, 16, Map.of("backend", "sqlite", "keys", "1024"),
                new Metric(jmhScore, Double.NaN, "ops/s"), new TreeMap<>(),
                Map.of("measuredCalls", new Metric(0, Double.NaN, "#", measuredCallsPerIteration),
                        "calls", new Metric(100, Double.NaN, "#"), "ok", new Metric(100, Double.NaN, "#")), 2.0);
    }

    @Test
    void throughputIsMeasuredCallsOverMeasuredTime_notTheSumOfPerThreadRates() {
        // JMH scored 43,840 ops/s for one blocked-thread iteration; the threads completed 8,400 calls in 2 s.
        BenchResult sequence = thrpt("io.lockbench.bench.UniqueSequencingBenchmark.constrainedSequence", 43_840,
                List.of(8_400.0, 8_600.0, 8_500.0));
        BenchResult insert = thrpt(Baseline.RAW_INSERT.benchmark(), 9_000, List.of(17_000.0, 17_000.0, 17_000.0));

        SummaryRow row = row(BenchSummary.of(List.of(sequence, insert)), "constrainedSequence");

        assertThat(row.opsPerSec()).isCloseTo(4_250, within(1e-9));
        assertThat(row.jmhOpsPerSec()).isEqualTo(43_840);
        assertThat(row.ratio()).isCloseTo(4_250 / 8_500.0, within(1e-12));
        // three iterations: t(0.9995, 2) = 31.599 times the standard error of 50 calls/s
        assertThat(row.opsError()).isCloseTo(31.599 * 50 / Math.sqrt(3), within(1e-6));
        assertThat(row.ratioError()).as("the baseline's iterations agree: only ours contribute")
                .isCloseTo(row.ratio() * row.opsError() / row.opsPerSec(), within(1e-9));
    }
}
