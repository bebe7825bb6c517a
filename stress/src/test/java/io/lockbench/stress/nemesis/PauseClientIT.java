package io.lockbench.stress.nemesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.DatabaseFixture;
import io.lockbench.impl.testing.PostgresServer;
import io.lockbench.stress.detection.DetectionTable;
import io.lockbench.stress.history.JsonLinesReader;
import io.lockbench.stress.history.Op;
import io.lockbench.stress.runner.RunOptions;
import io.lockbench.stress.runner.RunOutcome;
import io.lockbench.stress.runner.Runner;
import io.lockbench.impl.catalog.Variant;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * pause-client, the classic fencing case, read off the recorded history: a holder stalls on its
 * way to the resource, its claim goes stale, another session takes it over, and the holder's write
 * with its old token is then rejected by the correct store and accepted by the unfenced twin.
 */
class PauseClientIT {

    @TempDir
    Path runs;

    @BackendTest
    void aPausedHoldersWriteAfterATakeover_isRejectedByFencing(Backend backend) throws Exception {
        List<Op> history = run(Variant.PESSIMISTIC_CLAIMS, backend).ops;

        assertThat(history).as("a takeover while the holder was paused")
                .anyMatch(op -> op.isOk() && op.f().equals("acquire") && Boolean.TRUE.equals(((Map<?, ?>) op.value()).get("takeover")));
        assertThat(history).as("the woken holder's write, refused for its stale token")
                .anyMatch(op -> op.isFail() && op.f().equals("fenced-write") && op.error().startsWith("FENCED"));
    }

    @BackendTest
    void withoutFencing_theSameWriteIsAccepted_andTheCheckerSaysSo(Backend backend) throws Exception {
        Run run = run(Variant.UNFENCED_CLAIMS, backend);

        assertThat(run.outcome.results().verdict()).isEqualTo("invalid");
        assertThat(run.outcome.results().checkers().get(0).anomalies())
                .anyMatch(a -> a.type().equals("stale-holder-wrote"));
        assertThat(run.ops).noneMatch(op -> op.isFail() && op.f().equals("fenced-write"));
    }

    record Run(RunOutcome outcome, List<Op> ops) {
    }

    private Run run(Variant variant, Backend backend) throws Exception {
        RunOptions options = RunOptions.quiet(runs);
        if (backend == Backend.POSTGRESQL) {
            DatabaseFixture.assumePostgres();
            options = options.withPostgresUrl(PostgresServer.get().url(), "given");
        }
        DetectionTable.Row row = new DetectionTable.Row(variant, "pause-client", List.of(backend));
        RunOutcome outcome = Runner.run(DetectionTable.scenario(row).withBackend(backend.name().toLowerCase(Locale.ROOT)),
                options);
        return new Run(outcome, JsonLinesReader.read(outcome.history()).history().ops());
    }
}
