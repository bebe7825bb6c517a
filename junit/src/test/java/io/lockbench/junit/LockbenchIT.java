package io.lockbench.junit;

import static io.lockbench.junit.Lockbench.killConnections;
import static io.lockbench.junit.Lockbench.register;
import static io.lockbench.junit.Lockbench.sequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockbench.impl.catalog.Variant;
import io.lockbench.impl.db.Backend;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.DatabaseFixture;
import io.lockbench.stress.client.ReferenceClients;
import io.lockbench.stress.runner.RunOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The JUnit entry point, used as a team would: on lockbench's own reference strategies, and on a team-style client. */
class LockbenchIT {

    private static StressTest on(Backend backend, StressTest test) {
        if (backend == Backend.POSTGRESQL) {
            return test.onPostgres(DatabaseFixture.assumePostgres().jdbcUrl());
        }
        return test.onSqlite();
    }

    @BackendTest
    void optimisticRetry_staysValid_whileConnectionsAreKilled(Backend backend) {
        RunOutcome outcome = on(backend, Lockbench.stress(ReferenceClients.of(Variant.OPTIMISTIC)))
                .workload(register().keys(2))
                .clients(4)
                .nemesis(killConnections().hold(Duration.ofMillis(500)))
                .duration(Duration.ofSeconds(3))
                .assertValid();

        assertThat(outcome.results().faults()).as("connections were killed").isNotEmpty();
    }

    @BackendTest
    void constrainedSequencing_staysValid_whileConnectionsAreKilled(Backend backend) {
        on(backend, Lockbench.stress(ReferenceClients.of(Variant.CONSTRAINED_SEQUENCE)))
                .workload(sequence().keys(2))
                .nemesis(killConnections().hold(Duration.ofMillis(500)))
                .duration(Duration.ofSeconds(3))
                .assertValid();
    }

    @Test
    void aCorrectTeamClient_passes() {
        RunOutcome outcome = Lockbench.stress(AccountClient::correct).workload(register().keys(2))
                .duration(Duration.ofSeconds(2)).assertValid();

        assertThat(outcome.results().variant()).isEqualTo(AccountClient.class.getName());
        assertThat(outcome.directory().getParent().getFileName().toString())
                .isEqualTo("LockbenchIT.aCorrectTeamClient_passes");
    }

    @Test
    void aBrokenTeamClient_failsTheTest_withTheAnomalyTheOperationsAndTheHistory() {
        StressTest test = Lockbench.stress(AccountClient::losingUpdates).workload(register().keys(2))
                .duration(Duration.ofSeconds(2)).seed(7);

        assertThatThrownBy(test::assertValid).isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("lockbench: " + AccountClient.class.getName() + " on SQLite ")
                .hasMessageContaining(" is INVALID (expected a valid history)")
                .hasMessageContaining("seed 7")
                .hasMessageContaining("versioned: invalid: ")
                .hasMessageContaining("    nonlinearizable: ")
                .hasMessageMatching("(?s).*\n      #\\d+ p\\d+ (invoke|ok|fail|info) (read|write) r[01] .*")
                .hasMessageContaining("repeat the operations: .seed(7L)")
                .satisfies(e -> {
                    Matcher history = Pattern.compile("history: (\\S+)").matcher(e.getMessage());
                    assertThat(history.find()).isTrue();
                    assertThat(Path.of(history.group(1))).exists();
                    assertThat(Files.size(Path.of(history.group(1)))).isPositive();
                });
    }

    @Test
    void assertInvalid_passesOnlyWhenTheNamedAnomalyIsFound() {
        Lockbench.stress(AccountClient::losingUpdates).workload(register().keys(2)).duration(Duration.ofSeconds(2))
                .assertInvalid("nonlinearizable");

        assertThatThrownBy(() -> Lockbench.stress(AccountClient::correct).workload(register().keys(2))
                .duration(Duration.ofSeconds(1)).assertInvalid("nonlinearizable"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("is VALID (expected an invalid history showing nonlinearizable)");
    }

    @Test
    void aTestThatCannotRun_failsWithTheReason() {
        assertThatThrownBy(() -> Lockbench.stress(AccountClient::correct).workload(register().keys(0)).assertValid())
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("lockbench: the stress test cannot run: ")
                .hasMessageContaining("keys must be between 1 and 100000, was 0");
    }
}
