package io.lockbench.impl.claims;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.DatabaseFixture;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The no-fencing twin must show its anomaly in the scenario the correct store survives ({@link FencingIT}). */
class UnfencedClaimsIT {

    private static final Duration STALE = Duration.ofMillis(300);

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    @BackendTest
    void aHolderThatWakesAfterATakeover_overwritesTheNewHoldersWork(Backend backend) {
        ClaimStore store = new UnfencedClaimStore(databases.open(backend), STALE);

        PausedHolder.Outcome outcome = PausedHolder.run(store);

        assertThat(outcome.takeover().token()).isGreaterThan(outcome.first().token());
        assertThat(outcome.newHolders().accepted()).isTrue();
        assertThat(outcome.wokenHolders().accepted()).as("a write with an outdated token was accepted").isTrue();
        assertThat(outcome.finalContent()).as("two writers: B's work is lost").isEqualTo("A's stale overwrite");
        assertThat(store.resource("doc").orElseThrow().writtenToken())
                .as("the resource accepted writes out of token order").isLessThan(outcome.takeover().token());
    }

    @BackendTest
    void claiming_isStillExclusive(Backend backend) {
        ClaimStore store = new UnfencedClaimStore(databases.open(backend), STALE);
        Session alice = Sessions.start(store, "alice");
        Session bob = Sessions.start(store, "bob");
        store.claim("doc", alice.id()).claimOrThrow();

        assertThat(store.claim("doc", bob.id()).granted()).as("only the fencing is missing").isFalse();
    }
}
