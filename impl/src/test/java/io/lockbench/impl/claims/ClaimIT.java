package io.lockbench.impl.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.DatabaseFixture;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClaimIT {

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    @BackendTest
    void firstClaim_isGrantedWithToken1(Backend backend) {
        Database db = databases.open(backend);
        ClaimStore store = new PessimisticClaimStore(db);
        Session alice = Sessions.start(store, "alice");
        long before = db.nowMillis();

        ClaimResult result = store.claim("doc", alice.id());

        assertThat(result).isInstanceOfSatisfying(ClaimResult.Granted.class, g -> {
            assertThat(g.claim().token()).isEqualTo(1);
            assertThat(g.claim().resourceId()).isEqualTo("doc");
            assertThat(g.claim().sessionId()).isEqualTo(alice.id());
            assertThat(g.claim().status()).isEqualTo(ClaimStatus.ACTIVE);
            assertThat(g.claim().claimedAt()).isBetween(before, db.nowMillis());
            assertThat(g.tookOverFrom()).isEmpty();
        });
        assertThat(store.activeClaims("doc")).containsExactly(result.claimOrThrow());
    }

    @BackendTest
    void tokens_increaseWithEveryClaimOfAResource_andEachResourceCountsAlone(Backend backend) {
        ClaimStore store = new PessimisticClaimStore(databases.open(backend));
        Session alice = Sessions.start(store, "alice");
        Session bob = Sessions.start(store, "bob");

        Claim a1 = store.claim("doc", alice.id()).claimOrThrow();
        store.release(a1);
        Claim b1 = store.claim("doc", bob.id()).claimOrThrow();
        store.release(b1);
        Claim a2 = store.claim("doc", alice.id()).claimOrThrow();
        Claim other = store.claim("sheet", bob.id()).claimOrThrow();

        assertThat(a1.token()).isEqualTo(1);
        assertThat(b1.token()).isEqualTo(2);
        assertThat(a2.token()).isEqualTo(3);
        assertThat(other.token()).isEqualTo(1);
        assertThat(store.resource("doc").orElseThrow().lastIssuedToken()).isEqualTo(3);
    }

    @BackendTest
    void secondClaim_isRejectedNamingTheOwner(Backend backend) {
        ClaimStore store = new PessimisticClaimStore(databases.open(backend));
        Session alice = Sessions.start(store, "alice");
        Session bob = Sessions.start(store, "bob");
        Claim held = store.claim("doc", alice.id()).claimOrThrow();

        ClaimResult result = store.claim("doc", bob.id());

        assertThat(result).isInstanceOfSatisfying(ClaimResult.Rejected.class, r -> {
            Owner owner = r.owner();
            assertThat(owner.sessionId()).isEqualTo(alice.id());
            assertThat(owner.host()).isEqualTo("host-alice");
            assertThat(owner.terminal()).isEqualTo("pts/alice");
            assertThat(owner.workingDirectory()).isEqualTo("/work/alice");
            assertThat(owner.heartbeatAgeMillis()).isBetween(0L, 5_000L);
            assertThat(owner.claimId()).isEqualTo(held.id());
            assertThat(owner.token()).isEqualTo(1);
            assertThat(owner.describe()).contains(alice.id(), "host-alice", "pts/alice", "/work/alice", "s ago");
        });
        assertThat(store.activeClaims("doc")).extracting(Claim::sessionId).containsExactly(alice.id());
    }

    @BackendTest
    void aRejectedClaim_usesUpNoToken(Backend backend) {
        ClaimStore store = new PessimisticClaimStore(databases.open(backend));
        Session alice = Sessions.start(store, "alice");
        Session bob = Sessions.start(store, "bob");
        Claim a = store.claim("doc", alice.id()).claimOrThrow();

        assertThat(store.claim("doc", bob.id()).granted()).isFalse();
        store.release(a);

        assertThat(store.claim("doc", bob.id()).claimOrThrow().token()).isEqualTo(2);
    }

    @BackendTest
    void release_thenAnotherSessionClaims(Backend backend) {
        ClaimStore store = new PessimisticClaimStore(databases.open(backend));
        Session alice = Sessions.start(store, "alice");
        Session bob = Sessions.start(store, "bob");
        Claim a = store.claim("doc", alice.id()).claimOrThrow();

        ReleaseResult released = store.release(a);
        ClaimResult again = store.claim("doc", bob.id());

        assertThat(released).isInstanceOfSatisfying(ReleaseResult.Released.class,
                r -> assertThat(r.claim().status()).isEqualTo(ClaimStatus.RELEASED));
        assertThat(again.granted()).isTrue();
        assertThat(store.activeClaims("doc")).extracting(Claim::sessionId).containsExactly(bob.id());
    }

    @BackendTest
    void releasingTwice_isReportedAsNotActive(Backend backend) {
        ClaimStore store = new PessimisticClaimStore(databases.open(backend));
        Session alice = Sessions.start(store, "alice");
        Claim a = store.claim("doc", alice.id()).claimOrThrow();
        store.release(a);

        assertThat(store.release(a)).isEqualTo(new ReleaseResult.NotActive(a.id(), ClaimStatus.RELEASED));
    }

    @BackendTest
    void endingASession_releasesItsClaims_andItCannotClaimAnymore(Backend backend) {
        ClaimStore store = new PessimisticClaimStore(databases.open(backend));
        Session alice = Sessions.start(store, "alice");
        Claim doc = store.claim("doc", alice.id()).claimOrThrow();
        Claim sheet = store.claim("sheet", alice.id()).claimOrThrow();

        assertThat(store.endSession(alice.id())).extracting(Claim::id).containsExactlyInAnyOrder(doc.id(), sheet.id());

        assertThat(store.activeClaims("doc")).isEmpty();
        assertThat(store.activeClaims("sheet")).isEmpty();
        assertThatThrownBy(() -> store.claim("doc", alice.id()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(alice.id()).hasMessageContaining("not open");
        assertThatThrownBy(() -> store.heartbeat(alice.id())).isInstanceOf(IllegalStateException.class);
    }
}
