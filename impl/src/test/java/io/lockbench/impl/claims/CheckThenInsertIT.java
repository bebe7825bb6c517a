package io.lockbench.impl.claims;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.DatabaseFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The check-then-insert twin must show its anomaly under the race the correct store survives ({@link ClaimRaceIT}). */
class CheckThenInsertIT {

    private static final Duration THINK_TIME = Duration.ofMillis(20);

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    @BackendTest
    void racingClaimants_getSeveralActiveClaimsOfOneResource(Backend backend) {
        ClaimStore store = new CheckThenInsertClaimStore(databases.open(backend), ClaimStore.DEFAULT_STALE_AFTER,
                THINK_TIME);

        List<ClaimRace.Round> rounds = ClaimRace.run(store, ClaimRaceIT.THREADS, ClaimRaceIT.RESOURCES);

        int grants = rounds.stream().mapToInt(ClaimRace.Round::grants).sum();
        assertThat(grants).as("claims granted for %d resources", rounds.size()).isGreaterThan(rounds.size());
        assertThat(rounds).as("resources with two or more active claims (two holders)")
                .anySatisfy(round -> assertThat(round.activeClaims()).isGreaterThan(1));
        assertThat(rounds).allSatisfy(round ->
                assertThat(round.activeClaims()).as("every grant is an active claim").isEqualTo(round.grants()));
    }

    @BackendTest
    void withoutARace_itRejectsASecondClaim(Backend backend) {
        ClaimStore store = new CheckThenInsertClaimStore(databases.open(backend));
        Session alice = Sessions.start(store, "alice");
        Session bob = Sessions.start(store, "bob");
        store.claim("doc", alice.id()).claimOrThrow();

        assertThat(store.claim("doc", bob.id())).isInstanceOfSatisfying(ClaimResult.Rejected.class,
                r -> assertThat(r.owner().sessionId()).isEqualTo(alice.id()));
    }
}
