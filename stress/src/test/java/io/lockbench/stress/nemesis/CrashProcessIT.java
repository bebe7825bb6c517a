package io.lockbench.stress.nemesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.catalog.Variant;
import io.lockbench.stress.history.JsonLinesReader;
import io.lockbench.stress.history.Op;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * crash-process: clients in JVMs of their own share one SQLite file, and one is killed with SIGKILL
 * in the middle of its work. Its operation ends unknown, a new process takes its place, and the
 * correct strategy's guarantees hold; the broken twin is still caught.
 */
class CrashProcessIT {

    @TempDir
    Path runs;

    @Test
    void killedClientProcesses_leaveUnknownOperations_andTheCorrectStrategyValid() throws Exception {
        RunOutcome outcome = Runner.run(scenario(Variant.CONSTRAINED_SEQUENCE), RunOptions.quiet(runs));

        RunResults r = outcome.results();
        assertThat(r.faults()).isNotEmpty().anySatisfy(f -> assertThat(f.started()).startsWith("killed process"));
        assertThat(r.failuresByKind()).containsKey("PROCESS_KILLED");
        List<Op> ops = JsonLinesReader.read(outcome.history()).history().ops();
        long retiredProcesses = ops.stream().filter(op -> op.isInfo() && op.process() >= 0).count();
        assertThat(ops.stream().filter(Op::isInvoke).mapToLong(Op::process).max().orElseThrow())
                .as("new processes took the killed ones' place").isGreaterThanOrEqualTo(3 + retiredProcesses);
        assertThat(r.verdict()).as("%s", outcome.directory().resolve("summary.md")).isEqualTo("valid");
    }

    @Test
    void theBrokenTwin_inProcessesOfItsOwn_isStillCaught() throws Exception {
        RunOutcome outcome = Runner.run(scenario(Variant.MAX_PLUS_ONE), RunOptions.quiet(runs));

        assertThat(outcome.results().verdict()).isEqualTo("invalid");
        assertThat(outcome.results().checkers().get(0).anomalies()).anyMatch(a -> a.type().equals("duplicate-version"));
    }

    private static Scenario scenario(Variant v) {
        FaultSpec crash = new FaultSpec("crash-process", Duration.ofSeconds(4), Duration.ofMillis(100),
                Duration.ofSeconds(2), 3, Map.of());
        Map<String, String> settings = v.isBroken() ? Map.of("think-time", "1ms") : Map.of();
        return new Scenario("crash-" + v.cliName(), null, v.cliName(), null, "sqlite",
                new WorkloadSpec("sequence", 2, null, null, null, settings), 3, null, Duration.ofSeconds(12), null,
                List.of(crash), null, 5L, null, null, true);
    }
}
