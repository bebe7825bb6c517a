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

class HeartbeatingClaimsIT {

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Sleep.of(Duration.ofMillis(10));
        }
    }

    @BackendTest
    void aGrantedClaim_startsItsSessionsHeartbeat_andOnlyThatSessions(Backend backend) {
        ClaimStore store = new PessimisticClaimStore(databases.open(backend));
        Session alice = Sessions.start(store, "alice");
        Session bob = Sessions.start(store, "bob");
        try (HeartbeatingClaims claims = new HeartbeatingClaims(store, Duration.ofMillis(20), 3)) {
            assertThat(claims.isActive(alice.id())).isFalse();

            claims.claim("doc", alice.id()).claimOrThrow();
            assertThat(claims.claim("doc", bob.id()).granted()).isFalse();

            assertThat(claims.isActive(alice.id())).isTrue();
            assertThat(claims.isActive(bob.id())).as("a refused claim starts nothing").isFalse();
            HeartbeatManager manager = claims.heartbeat(alice.id()).orElseThrow();
            assertThat(manager.sessionId()).isEqualTo(alice.id());
            assertThat(manager.isActive(bob.id())).isFalse();
            await("a beat of alice's session", () -> manager.stats().beats() >= 2);
        }
    }

    @BackendTest
    void releasingTheLastClaim_stopsTheHeartbeat_butNotWhileAnotherIsHeld(Backend backend) {
        ClaimStore store = new PessimisticClaimStore(databases.open(backend));
        Session alice = Sessions.start(store, "alice");
        try (HeartbeatingClaims claims = new HeartbeatingClaims(store, Duration.ofMillis(20), 3)) {
            Claim first = claims.claim("a", alice.id()).claimOrThrow();
            Claim second = claims.claim("b", alice.id()).claimOrThrow();

            claims.release(first);
            assertThat(claims.isActive(alice.id())).as("still holds b").isTrue();
            claims.release(second);
            assertThat(claims.isActive(alice.id())).as("holds nothing").isFalse();
            assertThat(store.claimsOf(alice.id())).isEmpty();
        }
    }

    @BackendTest
    void theFailureThreshold_isConfigurable(Backend backend) {
        Database db = databases.open(backend);
        ClaimStore store = new PessimisticClaimStore(db);
        Session alice = Sessions.start(store, "alice");
        HeartbeatManager heartbeat = new HeartbeatManager(store, alice.id(), Duration.ofMillis(20), 1);
        heartbeat.start();
        await("a first beat", () -> heartbeat.stats().beats() >= 1);

        store.endSession(alice.id()); // every later beat fails: the session is not open
        await("the manager stops itself", () -> !heartbeat.isActive());

        assertThat(heartbeat.stats().failures()).isEqualTo(1);
        assertThat(heartbeat.stats().stoppedBecause()).hasValueSatisfying(why -> assertThat(why).contains("1 consecutive"));
    }
}
