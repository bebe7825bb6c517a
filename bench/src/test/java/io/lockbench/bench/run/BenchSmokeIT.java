package io.lockbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lockbench.bench.fixture.Scratch;
import io.lockbench.bench.results.BenchFile;
import io.lockbench.bench.results.BenchResult;
import io.lockbench.bench.results.SummaryRow;
import io.lockbench.impl.db.Backend;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI's benchmark smoke test: every benchmark runs in both modes on every available backend, and
 * the results file parses with its counters, ratios and environment. A reduced quick run (keys=16,
 * 2 threads, 50 ms warm-up, 100 ms measurement), never a timed assertion: figures come from
 * {@code lockbench bench}, not from here.
 */
class BenchSmokeIT {

    private static final int METHODS = 13;

    private static List<Backend> backends() {
        List<Backend> backends = new ArrayList<>(List.of(Backend.SQLITE));
        String url = System.getenv(Scratch.PG_URL_ENV);
        if (url != null && !url.isBlank()) {
            backends.add(Backend.POSTGRESQL);
        } else if ("1".equals(System.getenv("LOCKBENCH_REQUIRE_PG"))) {
            throw new AssertionError("LOCKBENCH_REQUIRE_PG=1 but " + Scratch.PG_URL_ENV + " is not set");
        }
        return backends;
    }

    @Test
    void everyBenchmarkRunsInBothModesOnEveryBackend_andItsJsonParses(@TempDir Path dir) throws Exception {
        List<Backend> backends = backends();
        Path file = dir.resolve("results.json");
        StringWriter console = new StringWriter();

        BenchRunner.Outcome outcome = BenchRunner.run(new BenchRequest(backends, Preset.QUICK,
                List.of("-p", "keys=16", "-t", "2", "-w", "50ms", "-r", "100ms", "-rff", file.toString()),
                Optional.empty(), "lockbench bench --quick (CI smoke)"), new PrintWriter(console, true));

        int expected = METHODS * 2 * backends.size();
        assertThat(console.toString()).contains("[ 1/" + expected + "]").contains("left");
        BenchFile read = BenchFile.read(file);
        assertThat(read.results()).hasSize(expected);
        Set<String> cells = read.results().stream().map(r -> r.benchmark() + " " + r.mode() + " " + r.backend())
                .collect(Collectors.toSet());
        assertThat(cells).hasSize(expected);
        for (BenchResult r : read.results()) {
            double calls = r.secondary("calls").orElseThrow().score();
            assertThat(calls).as(r.benchmark() + " " + r.backend() + " made calls").isPositive();
            assertThat(r.secondary("ok").orElseThrow().score()).as(r.benchmark() + " " + r.backend() + " succeeded")
                    .isPositive();
            assertThat(r.secondary("measuredCalls").orElseThrow().score()).isPositive().isLessThanOrEqualTo(calls);
            if (r.mode().equals(BenchResult.SAMPLE_TIME)) {
                assertThat(r.percentileMicros(99.9)).isPresent();
            }
        }

        assertThat(outcome.summary()).hasSize(METHODS * backends.size())
                .allSatisfy(row -> assertThat(row.ratio()).as(row.method()).isPositive().isFinite())
                .allSatisfy(row -> assertThat(row.latencyMicros().p50()).isPositive());
        assertThat(outcome.summary().stream().filter(SummaryRow::isBaseline)).hasSize(2 * backends.size());

        Map<String, Object> env = read.environment();
        assertThat(env).containsKeys("command", "preset", "lockbench", "jvm", "machine", "databases", "finishedAt");
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        JsonNode sqlite = json.get(0).path("lockbench").path("environment").path("databases").path("sqlite");
        assertThat(sqlite.path("journal_mode").asText()).isEqualTo("WAL");
        assertThat(sqlite.path("synchronous").asText()).isEqualTo("NORMAL");
        if (backends.contains(Backend.POSTGRESQL)) {
            JsonNode pg = json.get(0).path("lockbench").path("environment").path("databases").path("postgresql");
            assertThat(pg.path("synchronous_commit").asText()).isNotEmpty();
            assertThat(pg.path("server_version").asText()).isNotEmpty();
        }
        for (JsonNode result : json) {
            JsonNode extras = result.path("lockbench");
            assertThat(extras.has("baseline")).as(result.path("benchmark").asText()).isTrue();
            if (result.path("mode").asText().equals(BenchResult.THROUGHPUT)) {
                assertThat(extras.path("ratioToBaseline").asDouble()).isPositive();
                assertThat(extras.path("opsPerSecond").asDouble()).isPositive();
            }
        }
    }
}
