package io.lockbench.stress.nemesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.catalog.Variant;
import io.lockbench.stress.runner.RunOptions;
import io.lockbench.stress.runner.RunOutcome;
import io.lockbench.stress.runner.RunResults;
import io.lockbench.stress.runner.Runner;
import io.lockbench.stress.scenario.FaultSpec;
import io.lockbench.stress.scenario.Scenario;
import io.lockbench.stress.workload.WorkloadSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * restart-server on a PostgreSQL server of the test's own (immediate stop: no checkpoint, crash
 * recovery on start). With the production default, every acknowledged append survives the
 * restarts; with {@code synchronous_commit = off} the server acknowledges commits it has not
 * flushed, loses them in the crash, and the sequence checker reports the lost appends.
 */
class RestartServerIT {

    @TempDir
    Path runs;

    @BeforeEach
    void needsPostgresBinaries() {
        Optional<String> unavailable = PrivatePostgres.unavailable();
        if (unavailable.isPresent()) {
            if ("1".equals(System.getenv("LOCKBENCH_REQUIRE_FAULTS"))) {
                throw new AssertionError("restart-server cannot be tested here, but LOCKBENCH_REQUIRE_FAULTS=1: "
                        + unavailable.get());
            }
            Assumptions.abort(unavailable.get());
        }
    }

    @Test
    void acknowledgedAppends_surviveImmediateRestarts() throws Exception {
        try (PrivatePostgres pg = PrivatePostgres.start()) {
            RunOutcome outcome = Runner.run(scenario(pg), RunOptions.quiet(runs).withPostgresUrl(pg.url(), "private"));

            RunResults r = outcome.results();
            assertThat(r.faults()).hasSizeGreaterThanOrEqualTo(1)
                    .allSatisfy(f -> assertThat(f.started()).startsWith("stopped the server"));
            assertThat(r.ops().info() + r.ops().fail()).as("operations cut by the restarts").isPositive();
            assertThat(r.verdict()).as("%s", outcome.directory().resolve("summary.md")).isEqualTo("valid");
        }
    }

    @Test
    void withSynchronousCommitOff_theCrashLosesAcknowledgedAppends_andTheCheckerFindsThem() throws Exception {
        try (PrivatePostgres pg = PrivatePostgres.start("synchronous_commit = off", "wal_writer_delay = 10000ms")) {
            RunOutcome outcome = Runner.run(scenario(pg), RunOptions.quiet(runs).withPostgresUrl(pg.url(), "private"));

            RunResults r = outcome.results();
            assertThat(r.verdict()).as("%s", outcome.directory().resolve("summary.md")).isEqualTo("invalid");
            assertThat(r.checkers().get(0).anomalies()).anyMatch(a -> a.type().equals("lost-append"));
        }
    }

    private static Scenario scenario(PrivatePostgres pg) {
        FaultSpec restart = new FaultSpec("restart-server", Duration.ofMillis(1500), Duration.ofMillis(500),
                Duration.ofMillis(1500), 2, Map.of("stop", pg.stopCommand(), "start", pg.startCommand()));
        return new Scenario("restart", null, Variant.CONSTRAINED_SEQUENCE.cliName(), null, "postgresql",
                new WorkloadSpec("sequence", 2, null, null, null, Map.of("op-timeout", "3s")), 4, null,
                Duration.ofSeconds(6), null, List.of(restart), null, 99L, null, null, null);
    }
}
