package io.lockbench.impl.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.DatabaseFixture;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A holder's lease lapses and another process starts the agent again: the former holder, waking
 * up with its old lease, is refused everything, and the new holder is not disturbed.
 */
class LeaseEpochIT {

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    private record Takeover(Lease former, Lease current, AgentSession currentSession) {
    }

    /** "a" set to "apollo" (version 1) under a 300 ms lease that lapsed, then started again by someone else. */
    private static Takeover takenOver(Database db) {
        Lease former = ContextScenarios.started(new AgentSessions(db, Duration.ofMillis(300)), "a");
        assertThat(new AgentScopedContext(db).setProject(former, 0, "apollo")).isEqualTo(new ProjectUpdate.Updated(1));
        AwaitDatabaseClock.past(db, new AgentSessions(db).find("a").orElseThrow().leaseExpiresAt());
        StartResult restarted = new AgentSessions(db).start("a");
        assertThat(restarted).as("the lapsed agent is started again").isInstanceOf(StartResult.Started.class);
        return new Takeover(former, ((StartResult.Started) restarted).lease(), restarted.session());
    }

    @BackendTest
    void eachStart_handsOutTheNextEpoch(Backend backend) {
        Database db = databases.open(backend);
        Takeover t = takenOver(db);

        assertThat(t.former()).isEqualTo(new Lease("a", 1));
        assertThat(t.current()).isEqualTo(new Lease("a", 2));
    }

    @BackendTest
    void aFormerHolder_cannotSetTheProjectOnItsSuccessorsLease(Backend backend) {
        Database db = databases.open(backend);
        Takeover t = takenOver(db);
        AgentScopedContext context = new AgentScopedContext(db);

        ProjectUpdate stale = context.setProject(t.former(), 1, "stale-choice");

        assertThat(stale).isEqualTo(new LeaseExpired(1, t.currentSession().startedAt(), 2));
        assertThat(context.currentProject("a")).contains(new ProjectSelection("a", "apollo", 1));
        assertThat(context.setProject(t.current(), 1, "borealis")).as("the new holder, at the version it read")
                .isEqualTo(new ProjectUpdate.Updated(2));
    }

    @BackendTest
    void aFormerHolder_cannotExtendItsSuccessorsLease_norWriteItsTtlIntoIt(Backend backend) {
        Database db = databases.open(backend);
        Takeover t = takenOver(db);
        AgentSessions shortLease = new AgentSessions(db, Duration.ofMillis(300));

        HeartbeatResult stale = shortLease.heartbeat(t.former());

        assertThat(stale).isEqualTo(new LeaseExpired(1, t.currentSession().startedAt(), 2));
        AgentSession now = new AgentSessions(db).find("a").orElseThrow();
        assertThat(now.heartbeatAt()).isEqualTo(t.currentSession().heartbeatAt());
        assertThat(now.leaseExpiresAt()).as("still the new holder's 15 minutes")
                .isEqualTo(now.heartbeatAt() + AgentSessions.DEFAULT_LEASE_TTL.toMillis());
        assertThat(new AgentSessions(db).heartbeat(t.current())).isInstanceOf(HeartbeatResult.Extended.class);
    }

    @BackendTest
    void aFormerHolder_cannotEndItsSuccessorsLease(Backend backend) {
        Database db = databases.open(backend);
        Takeover t = takenOver(db);
        AgentSessions sessions = new AgentSessions(db);

        assertThat(sessions.end(t.former())).isFalse();

        assertThat(sessions.find("a").orElseThrow().status()).isEqualTo(AgentStatus.ACTIVE);
        assertThat(sessions.end(t.current())).isTrue();
        assertThat(sessions.find("a").orElseThrow().status()).isEqualTo(AgentStatus.ENDED);
    }

    @BackendTest
    void aFormerHolder_cannotAppendToTheAgentsLog(Backend backend) {
        Database db = databases.open(backend);
        Takeover t = takenOver(db);
        AgentLog log = new AgentLog(db);

        AppendResult stale = log.append(t.former(), "from the former holder");
        AppendResult current = log.append(t.current(), "from the new holder");

        assertThat(stale).isEqualTo(new LeaseExpired(1, t.currentSession().startedAt(), 2));
        assertThat(current).isInstanceOf(AppendResult.Appended.class);
        assertThat(log.read("a")).extracting(LogEntry::entry).containsExactly("from the new holder");
    }

    @BackendTest
    void aLeaseFromBeforeAnEndAndRestart_isStaleEvenWhileTheNewOneRuns(Backend backend) {
        Database db = databases.open(backend);
        AgentSessions sessions = new AgentSessions(db);
        Lease first = ContextScenarios.started(sessions, "a");
        sessions.end(first);
        Lease second = ContextScenarios.started(sessions, "a");

        assertThat(new AgentScopedContext(db).setProject(first, 0, "x")).isInstanceOf(LeaseExpired.class);
        assertThat(sessions.heartbeat(first)).isInstanceOf(LeaseExpired.class);
        assertThat(new AgentScopedContext(db).setProject(second, 0, "y")).isEqualTo(new ProjectUpdate.Updated(1));
    }
}
