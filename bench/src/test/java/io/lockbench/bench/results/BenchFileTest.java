package io.lockbench.bench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchFileTest {

    static Path fixture() throws URISyntaxException {
        return Path.of(BenchFileTest.class.getResource("/jmh/sqlite-keys16-threads4.json").toURI());
    }

    @Test
    void plainJmhJson_isReadWithParamsScoresPercentilesAndCounters() throws Exception {
        BenchFile file = BenchFile.read(fixture());

        assertThat(file.results()).hasSize(8);
        assertThat(file.environment()).as("plain JMH output has no lockbench extras").isEmpty();
        BenchResult optimistic = file.results().get(0);
        assertThat(optimistic.benchmark()).isEqualTo("io.lockbench.bench.OptimisticRetryBenchmark.optimistic");
        assertThat(optimistic.method()).isEqualTo("optimistic");
        assertThat(optimistic.mode()).isEqualTo(BenchResult.THROUGHPUT);
        assertThat(optimistic.threads()).isEqualTo(4);
        assertThat(optimistic.backend()).isEqualTo("sqlite");
        assertThat(optimistic.keys()).isEqualTo("16");
        assertThat(optimistic.primary().unit()).isEqualTo("ops/s");
        assertThat(optimistic.primary().error()).as("JMH's \"NaN\" string").isNaN();
        assertThat(optimistic.secondary("calls")).hasValueSatisfying(m -> assertThat(m.unit()).isEqualTo("#"));
        assertThat(optimistic.secondary("conflicts")).isPresent();
        assertThat(optimistic.percentileMicros(50)).as("a throughput score is not a latency").isEmpty();
    }

    @Test
    void sampleTimeResults_givePercentilesInMicroseconds() throws Exception {
        BenchResult sample = BenchFile.read(fixture()).results().stream()
                .filter(r -> r.mode().equals(BenchResult.SAMPLE_TIME) && r.method().equals("rawUpdate"))
                .findFirst().orElseThrow();

        assertThat(sample.primary().unit()).isEqualTo("us/op");
        double p50 = sample.percentileMicros(50).orElseThrow();
        double p99 = sample.percentileMicros(99).orElseThrow();
        double max = sample.percentileMicros(100).orElseThrow();
        assertThat(p50).isPositive().isLessThanOrEqualTo(p99);
        assertThat(p99).isLessThanOrEqualTo(max);
    }

    @Test
    void unitsAreConverted_toPerSecondAndMicroseconds() {
        assertThat(new Metric(4.2, 0, "ops/ms").perSecond()).isCloseTo(4200, within(1e-9));
        assertThat(new Metric(3, 0, "ops/us").perSecond()).isCloseTo(3e6, within(1e-6));
        assertThat(new Metric(0.25, 0, "ms/op").micros()).isCloseTo(250, within(1e-9));
        assertThat(new Metric(1500, 0, "ns/op").micros()).isCloseTo(1.5, within(1e-12));
        assertThatThrownBy(() -> new Metric(1, 0, "#").perSecond()).hasMessageContaining("not a throughput unit");
    }

    @Test
    void aFileThatIsNotJson_failsWithItsNameAndLine(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("results.json");
        Files.writeString(bad, "[\n  {\"benchmark\": \"x\",\n  oops\n]");

        assertThatThrownBy(() -> BenchFile.read(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(bad + ":3: not JSON")
                .hasMessageContaining("expected JMH's -rf json output");
    }

    @Test
    void jsonThatIsNotJmhOutput_failsSayingWhatWasExpected(@TempDir Path dir) throws IOException {
        Path object = dir.resolve("object.json");
        Files.writeString(object, "{\"benchmark\": \"x\"}");
        Path noMetric = dir.resolve("no-metric.json");
        Files.writeString(noMetric, "[{\"benchmark\": \"x\", \"mode\": \"thrpt\", \"threads\": 1}]");

        assertThatThrownBy(() -> BenchFile.read(object)).hasMessage(object + ": expected JMH's -rf json output, "
                + "an array of results");
        assertThatThrownBy(() -> BenchFile.read(noMetric))
                .hasMessage(noMetric + ": result 0: no \"primaryMetric\"; expected a JMH result");
    }

    @Test
    void anEmptyArray_isAFileWithNoResults(@TempDir Path dir) throws IOException {
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "[]");

        assertThat(BenchFile.read(empty).results()).isEqualTo(List.of());
    }
}
