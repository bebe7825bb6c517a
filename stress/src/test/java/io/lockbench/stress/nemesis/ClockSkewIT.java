package io.lockbench.stress.nemesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.api.Client;
import io.lockbench.api.ClientContext;
import io.lockbench.api.Completion;
import io.lockbench.api.Operation;
import io.lockbench.impl.catalog.Variant;
import io.lockbench.stress.detection.DetectionTable;
import io.lockbench.stress.history.JsonLinesReader;
import io.lockbench.stress.history.Op;
import io.lockbench.stress.runner.RunOptions;
import io.lockbench.stress.runner.RunOutcome;
import io.lockbench.stress.runner.Runner;
import io.lockbench.stress.scenario.FaultSpec;
import io.lockbench.stress.scenario.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * clock-skew: the clock a client reads ({@code context.clock()}) is off while the fault holds, and
 * the correct claims store, which judges staleness by the database's clock, does not notice.
 */
class ClockSkewIT {

    @TempDir
    Path runs;

    @Test
    void whileSkewed_aClientReadsAClockAnHourBehind() throws Exception {
        FaultSpec skew = new FaultSpec("clock-skew", Duration.ofMillis(700), Duration.ofSeconds(1), Duration.ofSeconds(5),
                1, Map.of("offset", "-1h"));
        Scenario s = DetectionTable.scenario(new DetectionTable.Row(Variant.OPTIMISTIC, "none", List.of()))
                .withNemesis(List.of(skew));

        RunOutcome outcome = Runner.run(s, RunOptions.quiet(runs).withClient(ClockReader::new));

        List<Op> reads = JsonLinesReader.read(outcome.history()).history().ops().stream()
                .filter(op -> op.isOk() && op.process() >= 0).toList();
        long now = Instant.now().toEpochMilli();
        assertThat(reads).anyMatch(op -> now - (Long) op.value() > Duration.ofMinutes(55).toMillis());
        assertThat(reads).anyMatch(op -> now - (Long) op.value() < Duration.ofMinutes(5).toMillis());
    }

    @Test
    void theCorrectClaimsStore_judgesByTheDatabasesClock_andStaysValid() throws Exception {
        FaultSpec skew = new FaultSpec("clock-skew", Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1),
                0, Map.of("offset", "10m"));
        Scenario s = DetectionTable.scenario(new DetectionTable.Row(Variant.PESSIMISTIC_CLAIMS, "none", List.of()))
                .withNemesis(List.of(skew));

        RunOutcome outcome = Runner.run(s, RunOptions.quiet(runs));

        assertThat(outcome.results().faults()).isNotEmpty();
        assertThat(outcome.results().verdict()).isEqualTo("valid");
    }

    /** Answers every operation with the time its clock says, in epoch milliseconds. */
    public static final class ClockReader implements Client {
        private ClientContext context;

        @Override
        public void open(ClientContext context) {
            this.context = context;
        }

        @Override
        public Completion invoke(Operation operation) throws InterruptedException {
            Thread.sleep(5);
            return Completion.ok(context.clock().millis());
        }
    }
}
