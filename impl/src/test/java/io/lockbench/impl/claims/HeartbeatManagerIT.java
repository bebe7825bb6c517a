package io.lockbench.impl.claims;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.retry.Sleep;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.DatabaseFixture;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.RegisterExtension;

class HeartbeatManagerIT {

    private static final Duration STALE = Duration.ofMillis(500);
    private static final Duration INTERVAL = Duration.ofMillis(50);

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Sleep.of(Duration.ofMillis(10));
        }
    }

    @BackendTest
    void startAndStop_switchBeatingOnAndOff(Backend backend) {
        ClaimStore store = new PessimisticClaimStore(databases.open(backend));
        Session alice = Sessions.start(store, "alice");
        try (HeartbeatManager heartbeat = new HeartbeatManager(store, alice.id(), INTERVAL)) {
            assertThat(heartbeat.isActive()).isFalse();

            heartbeat.start();
            assertThat(heartbeat.isActive()).isTrue();
            await("three beats", () -> heartbeat.stats().beats() >= 3);
            heartbeat.stop();

            assertThat(heartbeat.isActive()).isFalse();
            HeartbeatStats stopped = heartbeat.stats();
            Sleep.of(INTERVAL.multipliedBy(3));
            assertThat(heartbeat.stats().beats()).as("no beats after stop").isEqualTo(stopped.beats());
            assertThat(stopped.active()).isFalse();
            assertThat(stopped.failures()).isZero();
            assertThat(stopped.stoppedBecause()).isEmpty();
        }
    }

    @BackendTest
    void forceBeat_refreshesTheSessionAndItsClaimsFromTheDatabaseClock(Backend backend) {
        Database db = databases.open(backend);
        ClaimStore store = new PessimisticClaimStore(db);
        Session alice = Sessions.start(store, "alice");
        Claim claim = store.claim("doc", alice.id()).claimOrThrow();
        HeartbeatManager heartbeat = new HeartbeatManager(store, alice.id());
        Sleep.of(Duration.ofMillis(20));

        long before = db.nowMillis();
        assertThat(heartbeat.forceBeat()).isTrue();
        long after = db.nowMillis();

        HeartbeatStats stats = heartbeat.stats();
        assertThat(stats.beats()).isEqualTo(1);
        assertThat(stats.lastBeatAt().orElseThrow()).isBetween(before, after);
        assertThat(stats.active()).as("a forced beat does not start the schedule").isFalse();
        assertThat(store.activeClaims("doc")).singleElement().satisfies(c ->
                assertThat(c.heartbeatAt()).isEqualTo(stats.lastBeatAt().getAsLong()).isGreaterThan(claim.heartbeatAt()));
    }

    @BackendTest
    void runningHeartbeat_keepsAClaimFreshPastTheStaleThreshold(Backend backend) {
        ClaimStore store = new PessimisticClaimStore(databases.open(backend), STALE);
        Session alice = Sessions.start(store, "alice");
        Session bob = Sessions.start(store, "bob");
        store.claim("doc", alice.id()).claimOrThrow();

        try (HeartbeatManager heartbeat = new HeartbeatManager(store, alice.id(), INTERVAL)) {
            heartbeat.start();
            Sleep.of(STALE.multipliedBy(2));
            assertThat(store.claim("doc", bob.id()).granted()).as("claimed while alice beats").isFalse();
            assertThat(store.expireStale()).isEmpty();

            heartbeat.stop();
            Sleep.of(STALE.plusMillis(100));
            assertThat(store.claim("doc", bob.id()).granted()).as("claimed after alice stopped beating").isTrue();
        }
    }

    @BackendTest
    void threeFailuresInARow_stopTheManager_andItSaysWhy(Backend backend) {
        Database db = databases.open(backend);
        ClaimStore store = new PessimisticClaimStore(db);
        Session alice = Sessions.start(store, "alice");
        HeartbeatManager heartbeat = new HeartbeatManager(store, alice.id(), Duration.ofMillis(20));
        heartbeat.start();
        await("a first beat", () -> heartbeat.stats().beats() >= 1);

        db.close(); // every later beat fails: the pool is gone
        await("the manager stops itself", () -> !heartbeat.isActive());

        HeartbeatStats stats = heartbeat.stats();
        assertThat(stats.consecutiveFailures()).isEqualTo(HeartbeatManager.MAX_CONSECUTIVE_FAILURES);
        assertThat(stats.failures()).isEqualTo(3);
        assertThat(stats.beats()).isPositive();
        assertThat(stats.lastFailure()).isPresent();
        assertThat(stats.stoppedBecause()).hasValueSatisfying(why -> assertThat(why).contains("3 consecutive"));
    }

    @BackendTest
    void beatsOfAnEndedSession_fail_andSayWhichSession(Backend backend) {
        ClaimStore store = new PessimisticClaimStore(databases.open(backend));
        Session alice = Sessions.start(store, "alice");
        HeartbeatManager heartbeat = new HeartbeatManager(store, alice.id());
        assertThat(heartbeat.forceBeat()).isTrue();
        store.endSession(alice.id());

        assertThat(heartbeat.forceBeat()).isFalse();
        assertThat(heartbeat.forceBeat()).isFalse();

        HeartbeatStats stats = heartbeat.stats();
        assertThat(stats.beats()).isEqualTo(1);
        assertThat(stats.failures()).isEqualTo(2);
        assertThat(stats.consecutiveFailures()).isEqualTo(2);
        assertThat(stats.lastFailure()).hasValueSatisfying(m -> assertThat(m).contains(alice.id(), "not open"));
    }
}
