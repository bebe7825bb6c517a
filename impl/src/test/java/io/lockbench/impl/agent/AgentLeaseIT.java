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

/** Leases with a 300 ms TTL, judged by the database clock. */
class AgentLeaseIT {

    private static final Duration SHORT_TTL = Duration.ofMillis(300);

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    /**
     * Agent "a" at project version 1 whose lease has just run out. The agent is started with the
     * default TTL, then a heartbeat from a 300 ms-TTL session sets its lease to now + 300 ms, so
     * nothing races the clock before the wait.
     */
    private static AgentSession lapsedAgent(Database db) {
        Lease lease = ContextScenarios.started(new AgentSessions(db), "a");
        assertThat(new AgentScopedContext(db).setProject(lease, 0, "apollo")).isEqualTo(new ProjectUpdate.Updated(1));
        HeartbeatResult armed = new AgentSessions(db, SHORT_TTL).heartbeat(lease);
        AgentSession session = ((HeartbeatResult.Extended) armed).session();
        AwaitDatabaseClock.past(db, session.leaseExpiresAt());
        return session;
    }

    @Test
    void theDefaultLease_isFifteenMinutes() {
        assertThat(AgentSessions.DEFAULT_LEASE_TTL).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aLeaseTtlUnderOneMillisecond_isRejectedNamingTheSetting() {
        Database db = databases.open(Backend.SQLITE);

        assertThatThrownBy(() -> new AgentSessions(db, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leaseTtl must be at least 1 ms");
    }

    @BackendTest
    void start_grantsALeaseOfTheTtlFromTheDatabaseClock(Backend backend) {
        Database db = databases.open(backend);
        AgentSessions sessions = new AgentSessions(db);

        long before = db.nowMillis();
        StartResult started = sessions.start("a");
        long after = db.nowMillis();

        assertThat(started).isInstanceOf(StartResult.Started.class);
        AgentSession s = started.session();
        assertThat(s.status()).isEqualTo(AgentStatus.ACTIVE);
        assertThat(s.heartbeatAt()).isBetween(before, after);
        assertThat(s.leaseExpiresAt()).isEqualTo(s.heartbeatAt() + Duration.ofMinutes(15).toMillis());
        assertThat(s.project()).isNull();
        assertThat(s.version()).isZero();
        assertThat(s.leaseEpoch()).isEqualTo(1);
        assertThat(((StartResult.Started) started).lease()).isEqualTo(new Lease("a", 1));
        assertThat(sessions.find("a").orElseThrow()).usingRecursiveComparison().ignoringFields("observedAt").isEqualTo(s);
    }

    @BackendTest
    void startingAnActiveAgent_leavesItsLeaseAsItWas(Backend backend) {
        AgentSessions sessions = new AgentSessions(databases.open(backend));
        AgentSession first = sessions.start("a").session();

        StartResult again = sessions.start("a");

        assertThat(again).isInstanceOf(StartResult.AlreadyActive.class);
        assertThat(again.session().heartbeatAt()).isEqualTo(first.heartbeatAt());
        assertThat(again.session().leaseExpiresAt()).isEqualTo(first.leaseExpiresAt());
        assertThat(again.session().leaseEpoch()).isEqualTo(first.leaseEpoch());
    }

    @BackendTest
    void heartbeats_keepTheLeaseAliveWellPastItsTtl(Backend backend) {
        Database db = databases.open(backend);
        AgentSessions sessions = new AgentSessions(db, SHORT_TTL);
        AgentSession started = sessions.start("a").session();

        long firstExpiry = started.leaseExpiresAt();
        while (db.nowMillis() < firstExpiry + 2 * SHORT_TTL.toMillis()) {
            assertThat(sessions.heartbeat(started.lease())).isInstanceOf(HeartbeatResult.Extended.class);
            Sleep.micros(60_000);
        }

        assertThat(new AgentScopedContext(db).setProject(started.lease(), 0, "apollo")).isEqualTo(new ProjectUpdate.Updated(1));
        assertThat(sessions.find("a").orElseThrow().leaseExpiresAt()).isGreaterThan(firstExpiry);
    }

    @BackendTest
    void aHeartbeatAfterTheLeaseRanOut_isRejectedAndDoesNotRevive(Backend backend) {
        Database db = databases.open(backend);
        AgentSession armed = lapsedAgent(db);
        AgentSessions sessions = new AgentSessions(db, SHORT_TTL);

        assertThat(sessions.heartbeat(armed.lease())).isEqualTo(new LeaseExpired(1, armed.leaseExpiresAt(), 1));
        assertThat(sessions.find("a").orElseThrow().status()).isEqualTo(AgentStatus.EXPIRED);
    }

    @BackendTest
    void settingTheProjectAfterTheLeaseRanOut_isRejectedEvenWithTheCurrentVersion(Backend backend) {
        Database db = databases.open(backend);
        AgentSession armed = lapsedAgent(db);
        AgentScopedContext context = new AgentScopedContext(db);

        assertThat(context.setProject(armed.lease(), 1, "borealis"))
                .isEqualTo(new LeaseExpired(1, armed.leaseExpiresAt(), 1));
        assertThat(context.currentProject("a")).contains(new ProjectSelection("a", "apollo", 1));
    }

    @BackendTest
    void cleanup_expiresLapsedLeasesOnce_andLeavesRunningOnesAlone(Backend backend) {
        Database db = databases.open(backend);
        lapsedAgent(db);
        AgentSessions sessions = new AgentSessions(db);
        sessions.start("b");

        assertThat(sessions.cleanupExpired()).containsExactly("a");
        assertThat(sessions.cleanupExpired()).isEmpty();
        assertThat(sessions.find("a").orElseThrow().status()).isEqualTo(AgentStatus.EXPIRED);
        assertThat(sessions.find("b").orElseThrow().status()).isEqualTo(AgentStatus.ACTIVE);
    }

    @BackendTest
    void startingAnExpiredAgent_renewsItsLeaseAndKeepsItsProject(Backend backend) {
        Database db = databases.open(backend);
        lapsedAgent(db);
        AgentSessions sessions = new AgentSessions(db);
        sessions.cleanupExpired();

        StartResult renewed = sessions.start("a");

        assertThat(renewed).isInstanceOf(StartResult.Started.class);
        assertThat(renewed.session().status()).isEqualTo(AgentStatus.ACTIVE);
        assertThat(renewed.session().project()).isEqualTo("apollo");
        assertThat(renewed.session().version()).isEqualTo(1);
        assertThat(renewed.session().leaseEpoch()).isEqualTo(2);
        assertThat(new AgentScopedContext(db).setProject(renewed.session().lease(), 1, "borealis"))
                .isEqualTo(new ProjectUpdate.Updated(2));
    }

    @BackendTest
    void anEndedSession_holdsNoLeaseUntilStartedAgain(Backend backend) {
        Database db = databases.open(backend);
        AgentSessions sessions = new AgentSessions(db);
        AgentScopedContext context = new AgentScopedContext(db);
        Lease lease = ContextScenarios.started(sessions, "a");

        assertThat(sessions.end(lease)).isTrue();
        assertThat(sessions.end(lease)).as("ending it twice").isFalse();

        AgentSession ended = sessions.find("a").orElseThrow();
        assertThat(ended.status()).isEqualTo(AgentStatus.ENDED);
        assertThat(sessions.heartbeat(lease)).isEqualTo(new LeaseExpired(0, ended.leaseExpiresAt(), 1));
        assertThat(context.setProject(lease, 0, "apollo")).isEqualTo(new LeaseExpired(0, ended.leaseExpiresAt(), 1));
        assertThat(sessions.cleanupExpired()).as("ended is not expired").isEmpty();
        Lease again = ContextScenarios.started(sessions, "a");
        assertThat(context.setProject(again, 0, "apollo")).isEqualTo(new ProjectUpdate.Updated(1));
    }

    @BackendTest
    void aHeartbeatForAnAgentThatWasNeverStarted_isRejected(Backend backend) {
        AgentSessions sessions = new AgentSessions(databases.open(backend));

        assertThat(sessions.heartbeat(new Lease("ghost", 1))).isEqualTo(new UnknownAgent("ghost"));
        assertThat(sessions.end(new Lease("ghost", 1))).isFalse();
        assertThat(sessions.find("ghost")).isEmpty();
    }
}
