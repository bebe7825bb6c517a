package io.lockbench.impl.claims;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.retry.Sleep;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.DatabaseFixture;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Claims whose holder stopped heartbeating: taken over, or swept, only once past the threshold. */
class StalenessIT {

    private static final Duration STALE = Duration.ofMillis(300);

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    @BackendTest
    void aSilentHoldersClaim_isTakenOverOnlyAfterTheStaleThreshold(Backend backend) {
        ClaimStore store = new PessimisticClaimStore(databases.open(backend), STALE);
        Session alice = Sessions.start(store, "alice");
        Session bob = Sessions.start(store, "bob");
        Claim old = store.claim("doc", alice.id()).claimOrThrow();

        ClaimResult early = store.claim("doc", bob.id());
        Sleep.of(STALE.plusMillis(100));
        ClaimResult late = store.claim("doc", bob.id());

        assertThat(early.granted()).as("before the threshold").isFalse();
        assertThat(late).isInstanceOfSatisfying(ClaimResult.Granted.class, g -> {
            assertThat(g.claim().sessionId()).isEqualTo(bob.id());
            assertThat(g.claim().token()).isEqualTo(2);
            assertThat(g.tookOverFrom()).hasValueSatisfying(from -> {
                assertThat(from.id()).isEqualTo(old.id());
                assertThat(from.status()).isEqualTo(ClaimStatus.EXPIRED);
            });
        });
        assertThat(store.release(old)).isEqualTo(new ReleaseResult.NotActive(old.id(), ClaimStatus.EXPIRED));
        assertThat(store.activeClaims("doc")).extracting(Claim::sessionId).containsExactly(bob.id());
    }

    @BackendTest
    void aRejection_reportsHowLongAgoTheOwnerBeat(Backend backend) {
        ClaimStore store = new PessimisticClaimStore(databases.open(backend));
        Session alice = Sessions.start(store, "alice");
        Session bob = Sessions.start(store, "bob");
        store.claim("doc", alice.id()).claimOrThrow();
        Sleep.of(Duration.ofMillis(200));

        ClaimResult result = store.claim("doc", bob.id());

        assertThat(result).isInstanceOfSatisfying(ClaimResult.Rejected.class,
                r -> assertThat(r.owner().heartbeatAgeMillis()).isBetween(200L, 5_000L));
    }

    @BackendTest
    void expireStale_expiresOnlyClaimsPastTheThreshold(Backend backend) {
        ClaimStore store = new PessimisticClaimStore(databases.open(backend), STALE);
        Session silent = Sessions.start(store, "silent");
        Session alive = Sessions.start(store, "alive");
        Claim lost = store.claim("doc", silent.id()).claimOrThrow();
        Claim kept = store.claim("sheet", alive.id()).claimOrThrow();

        assertThat(store.expireStale()).as("nothing is stale yet").isEmpty();
        Sleep.of(STALE.plusMillis(100));
        store.heartbeat(alive.id());

        assertThat(store.expireStale()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(lost.id());
            assertThat(c.status()).isEqualTo(ClaimStatus.EXPIRED);
        });
        assertThat(store.activeClaims("doc")).isEmpty();
        assertThat(store.activeClaims("sheet")).extracting(Claim::id).containsExactly(kept.id());
        assertThat(store.expireStale()).as("a second sweep finds nothing").isEmpty();
    }

    @BackendTest
    void theSweeper_expiresAStaleClaimWithoutAnyoneAsking(Backend backend) {
        ClaimStore store = new PessimisticClaimStore(databases.open(backend), STALE);
        Session silent = Sessions.start(store, "silent");
        store.claim("doc", silent.id()).claimOrThrow();

        try (StaleClaimSweeper sweeper = new StaleClaimSweeper(store, Duration.ofMillis(50))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!store.activeClaims("doc").isEmpty() && System.nanoTime() < deadline) {
                Sleep.of(Duration.ofMillis(20));
            }
            assertThat(store.activeClaims("doc")).isEmpty();
            assertThat(sweeper.expired()).isEqualTo(1);
            assertThat(sweeper.sweeps()).isGreaterThan(1);
        }
        assertThat(store.resource("doc").orElseThrow().workingOn()).isFalse();
    }
}
