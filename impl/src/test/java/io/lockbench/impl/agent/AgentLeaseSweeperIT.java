package io.lockbench.impl.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.retry.Sleep;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.DatabaseFixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AgentLeaseSweeperIT {

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    @BackendTest
    void theSweeper_marksLapsedLeasesExpired_andLeavesRunningOnesAlone(Backend backend) {
        Database db = databases.open(backend);
        AgentSessions shortLease = new AgentSessions(db, Duration.ofMillis(300));
        AgentSessions sessions = new AgentSessions(db);
        AgentSession lapsing = shortLease.start("lapsing").session();
        sessions.start("running");
        AwaitDatabaseClock.past(db, lapsing.leaseExpiresAt());

        try (AgentLeaseSweeper sweeper = new AgentLeaseSweeper(sessions, Duration.ofMillis(50))) {
            long giveUp = System.nanoTime() + 10_000_000_000L;
            while (sweeper.expired() == 0 && System.nanoTime() < giveUp) {
                Sleep.micros(20_000);
            }
            assertThat(sweeper.expired()).as("leases the sweeper expired").isEqualTo(1);
        }

        assertThat(sessions.cleanupExpired()).as("nothing left to expire").isEmpty();
        assertThat(sessions.find("lapsing").orElseThrow().status()).isEqualTo(AgentStatus.EXPIRED);
        assertThat(sessions.find("running").orElseThrow().status()).isEqualTo(AgentStatus.ACTIVE);
    }

    @Test
    void anIntervalUnderOneMillisecond_isRefused() {
        Database db = databases.open(Backend.SQLITE);

        assertThatThrownBy(() -> new AgentLeaseSweeper(new AgentSessions(db), Duration.ZERO))
                .hasMessageContaining("sweep interval must be at least 1 ms");
    }
}
