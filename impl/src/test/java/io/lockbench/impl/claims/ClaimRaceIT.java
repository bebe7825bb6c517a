package io.lockbench.impl.claims;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.Concurrently;
import io.lockbench.impl.testing.DatabaseFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Under the race that breaks the check-then-insert twin ({@link CheckThenInsertIT}), one claimant wins. */
class ClaimRaceIT {

    static final int THREADS = 8;
    static final int RESOURCES = 5;

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    @BackendTest
    void racingClaimants_neverGetTwoActiveClaims(Backend backend) {
        ClaimStore store = new PessimisticClaimStore(databases.open(backend));

        List<ClaimRace.Round> rounds = ClaimRace.run(store, THREADS, RESOURCES);

        assertThat(rounds).hasSize(RESOURCES).allSatisfy(round -> {
            assertThat(round.grants()).as("claims granted for %s", round.resourceId()).isEqualTo(1);
            assertThat(round.activeClaims()).as("active claims of %s", round.resourceId()).isEqualTo(1);
            assertThat(round.activeSessionId()).as("active_session_id of %s", round.resourceId())
                    .isEqualTo(round.grantedSessions().get(0));
        });
    }

    @BackendTest
    void everyLoser_isToldTheWinner(Backend backend) {
        ClaimStore store = new PessimisticClaimStore(databases.open(backend));
        List<Session> racers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            racers.add(Sessions.start(store, "racer" + i));
        }

        List<ClaimResult> results = Concurrently.run(THREADS,
                w -> store.claim("doc", racers.get(w).id()));

        String winner = store.activeClaims("doc").get(0).sessionId();
        assertThat(results).filteredOn(r -> !r.granted()).hasSize(THREADS - 1)
                .allSatisfy(r -> assertThat(((ClaimResult.Rejected) r).owner().sessionId()).isEqualTo(winner));
    }
}
