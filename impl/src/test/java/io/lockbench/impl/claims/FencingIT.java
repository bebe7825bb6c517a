package io.lockbench.impl.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.DatabaseFixture;
import java.time.Duration;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The protected resource accepts writes only with the newest fencing token issued for it. */
class FencingIT {

    private static final Duration STALE = Duration.ofMillis(300);

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    @BackendTest
    void aWriteWithTheHoldersToken_isAcceptedAndTagged(Backend backend) {
        ClaimStore store = new PessimisticClaimStore(databases.open(backend));
        Session alice = Sessions.start(store, "alice");
        Claim claim = store.claim("doc", alice.id()).claimOrThrow();

        FencedWriteResult result = store.fencedWrite("doc", claim.token(), "hello");

        assertThat(result).isEqualTo(new FencedWriteResult.Accepted("doc", 1));
        Resource doc = store.resource("doc").orElseThrow();
        assertThat(doc.content()).isEqualTo("hello");
        assertThat(doc.writtenToken()).isEqualTo(1);
    }

    @BackendTest
    void aWriteWithAnOlderToken_isRejectedNamingBothTokens(Backend backend) {
        ClaimStore store = new PessimisticClaimStore(databases.open(backend));
        Session alice = Sessions.start(store, "alice");
        Session bob = Sessions.start(store, "bob");
        Claim first = store.claim("doc", alice.id()).claimOrThrow();
        store.release(first);
        Claim second = store.claim("doc", bob.id()).claimOrThrow();
        store.fencedWrite("doc", second.token(), "bob's");

        FencedWriteResult result = store.fencedWrite("doc", first.token(), "alice's, late");

        assertThat(result).isEqualTo(new FencedWriteResult.Rejected("doc", 1, 2));
        assertThat(((FencedWriteResult.Rejected) result).describe()).contains("token 1", "is 2");
        assertThat(store.resource("doc").orElseThrow().content()).isEqualTo("bob's");
        assertThat(store.resource("doc").orElseThrow().writtenToken()).isEqualTo(2);
    }

    @BackendTest
    void aTokenNeverIssued_isRejectedToo(Backend backend) {
        ClaimStore store = new PessimisticClaimStore(databases.open(backend));
        Session alice = Sessions.start(store, "alice");
        store.claim("doc", alice.id()).claimOrThrow();

        assertThat(store.fencedWrite("doc", 99, "forged")).isEqualTo(new FencedWriteResult.Rejected("doc", 99, 1));
    }

    @BackendTest
    void aWriteToAResourceNeverClaimed_fails(Backend backend) {
        ClaimStore store = new PessimisticClaimStore(databases.open(backend));

        assertThatThrownBy(() -> store.fencedWrite("nowhere", 1, "x"))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("'nowhere'");
    }

    @BackendTest
    void aHolderThatWakesAfterATakeover_cannotOverwriteTheNewHoldersWork(Backend backend) {
        ClaimStore store = new PessimisticClaimStore(databases.open(backend), STALE);

        PausedHolder.Outcome outcome = PausedHolder.run(store);

        assertThat(outcome.takeover().token()).isGreaterThan(outcome.first().token());
        assertThat(outcome.newHolders().accepted()).isTrue();
        assertThat(outcome.wokenHolders()).isEqualTo(new FencedWriteResult.Rejected("doc",
                outcome.first().token(), outcome.takeover().token()));
        assertThat(outcome.finalContent()).isEqualTo("B's work");
    }
}
