package io.lockbench.impl.claims;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Jdbc;
import io.lockbench.impl.retry.Sleep;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.DatabaseFixture;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The resource's {@code is_working_on} / {@code active_session_id} follow its active claim through
 * claim, release, takeover, cleanup and session end: by trigger on PostgreSQL, by the store's own
 * transaction on SQLite.
 */
class ResourceSyncIT {

    private static final Duration STALE = Duration.ofMillis(300);

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    private static void assertWorkedOnBy(ClaimStore store, String resource, Session session) {
        Resource r = store.resource(resource).orElseThrow();
        assertThat(r.workingOn()).as("is_working_on").isTrue();
        assertThat(r.activeSessionId()).as("active_session_id").isEqualTo(session.id());
    }

    private static void assertFree(ClaimStore store, String resource) {
        Resource r = store.resource(resource).orElseThrow();
        assertThat(r.workingOn()).as("is_working_on").isFalse();
        assertThat(r.activeSessionId()).as("active_session_id").isNull();
    }

    @BackendTest
    void claimAndRelease_setAndClearTheResource(Backend backend) {
        ClaimStore store = new PessimisticClaimStore(databases.open(backend));
        Session alice = Sessions.start(store, "alice");

        Claim claim = store.claim("doc", alice.id()).claimOrThrow();
        assertWorkedOnBy(store, "doc", alice);

        store.release(claim);
        assertFree(store, "doc");
    }

    @BackendTest
    void aRejectedClaim_leavesTheResourceWithItsOwner(Backend backend) {
        ClaimStore store = new PessimisticClaimStore(databases.open(backend));
        Session alice = Sessions.start(store, "alice");
        Session bob = Sessions.start(store, "bob");
        store.claim("doc", alice.id()).claimOrThrow();

        store.claim("doc", bob.id());

        assertWorkedOnBy(store, "doc", alice);
    }

    @BackendTest
    void takeover_movesTheResourceToTheNewHolder(Backend backend) {
        ClaimStore store = new PessimisticClaimStore(databases.open(backend), STALE);
        Session alice = Sessions.start(store, "alice");
        Session bob = Sessions.start(store, "bob");
        store.claim("doc", alice.id()).claimOrThrow();
        Sleep.of(STALE.plusMillis(100));

        store.claim("doc", bob.id()).claimOrThrow();

        assertWorkedOnBy(store, "doc", bob);
    }

    @BackendTest
    void cleanupAndSessionEnd_freeTheResource(Backend backend) {
        ClaimStore store = new PessimisticClaimStore(databases.open(backend), STALE);
        Session alice = Sessions.start(store, "alice");
        Session bob = Sessions.start(store, "bob");
        store.claim("doc", alice.id()).claimOrThrow();
        store.claim("sheet", bob.id()).claimOrThrow();
        Sleep.of(STALE.plusMillis(100));
        store.heartbeat(bob.id());

        store.expireStale();
        assertFree(store, "doc");
        assertWorkedOnBy(store, "sheet", bob);

        store.endSession(bob.id());
        assertFree(store, "sheet");
    }

    /**
     * The mechanism itself: a claim row changed behind the store's back moves the resource on
     * PostgreSQL (the trigger fires on any statement) and not on SQLite (where the store updates
     * the resource in the claim's own transaction).
     */
    @BackendTest
    void syncMechanism_isATriggerOnPostgres_andTheStoresOwnTransactionOnSqlite(Backend backend) {
        Database db = databases.open(backend);
        ClaimStore store = new PessimisticClaimStore(db);
        Session alice = Sessions.start(store, "alice");
        Claim claim = store.claim("doc", alice.id()).claimOrThrow();

        db.withConnection(c -> Jdbc.update(c, "UPDATE lb_claims SET status = 'released' WHERE claim_id = ?", claim.id()));

        boolean followed = !store.resource("doc").orElseThrow().workingOn();
        assertThat(followed).as("resource followed a claim changed outside the store")
                .isEqualTo(backend == Backend.POSTGRESQL);
    }
}
