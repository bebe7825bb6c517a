package io.lockbench.impl.claims;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Jdbc;
import io.lockbench.impl.retry.Sleep;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.DatabaseFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;

class SessionsViewIT {

    private static final Duration STALE = Duration.ofMillis(500);

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    private static Map<String, SessionView> byId(List<SessionView> views) {
        return views.stream().collect(Collectors.toMap(SessionView::sessionId, Function.identity()));
    }

    @BackendTest
    void eachSession_showsActiveStaleIdleOrReleased(Backend backend) {
        ClaimStore store = new PessimisticClaimStore(databases.open(backend), STALE);
        Session active = Sessions.start(store, "active");
        Session stale = Sessions.start(store, "stale");
        Session idle = Sessions.start(store, "idle");
        Session ended = Sessions.start(store, "ended");
        store.claim("a", active.id()).claimOrThrow();
        store.claim("s", stale.id()).claimOrThrow();
        store.claim("e", ended.id()).claimOrThrow();
        store.endSession(ended.id());
        Sleep.of(STALE.plusMillis(100));
        store.heartbeat(active.id());

        Map<String, SessionView> view = byId(store.sessions());

        assertThat(view.get(active.id()).status()).isEqualTo(SessionStatus.ACTIVE);
        assertThat(view.get(stale.id()).status()).isEqualTo(SessionStatus.STALE);
        assertThat(view.get(idle.id()).status()).isEqualTo(SessionStatus.IDLE);
        assertThat(view.get(ended.id()).status()).isEqualTo(SessionStatus.RELEASED);
        assertThat(view.get(active.id()).activeClaims()).isEqualTo(1);
        assertThat(view.get(idle.id()).activeClaims()).isZero();
        assertThat(view.get(stale.id()).heartbeatAgeMillis()).isGreaterThan(STALE.toMillis());
        assertThat(view.get(active.id()).heartbeatAgeMillis()).isLessThan(STALE.toMillis());
        assertThat(view.get(stale.id()).secondsUntilStale()).isZero();
        assertThat(view.get(active.id()).host()).isEqualTo("host-active");
        assertThat(view.get(active.id()).terminal()).isEqualTo("pts/active");
        assertThat(view.get(active.id()).workingDirectory()).isEqualTo("/work/active");
    }

    @BackendTest
    void heartbeatAge_isGivenInSecondsMinutesAndWords_withSecondsUntilStale(Backend backend) {
        Database db = databases.open(backend);
        ClaimStore store = new PessimisticClaimStore(db); // the default 5 min threshold
        Session alice = Sessions.start(store, "alice");
        store.claim("doc", alice.id()).claimOrThrow();
        // Alice last beat 125 s ago: moved back in the database instead of waiting.
        db.withConnection(c -> Jdbc.update(c,
                "UPDATE lb_claims SET heartbeat_at = heartbeat_at - 125000, claimed_at = claimed_at - 125000"));

        SessionView view = store.sessions().get(0);

        assertThat(view.status()).isEqualTo(SessionStatus.ACTIVE);
        assertThat(view.heartbeatAgeMillis()).isBetween(125_000L, 130_000L);
        assertThat(view.heartbeatAgeSeconds()).isBetween(125L, 130L);
        assertThat(view.heartbeatAgeMinutes()).isEqualTo(2);
        assertThat(view.heartbeatAgeText()).matches("2 min (5|6|7|8|9|10) s ago");
        assertThat(view.secondsUntilStale()).isBetween(170L, 175L);
        assertThat(view.claimDurationMillis().orElseThrow()).isBetween(125_000L, 130_000L);
    }

    @BackendTest
    void claimDuration_countsWhileHeld_andIsKeptAfterRelease(Backend backend) {
        Database db = databases.open(backend);
        ClaimStore store = new PessimisticClaimStore(db);
        Session alice = Sessions.start(store, "alice");
        Session never = Sessions.start(store, "never");

        assertThat(byId(store.sessions()).get(alice.id()).claimDurationMillis()).isEmpty();
        Claim claim = store.claim("doc", alice.id()).claimOrThrow();
        Sleep.of(Duration.ofMillis(150));
        long whileHeld = byId(store.sessions()).get(alice.id()).claimDurationMillis().orElseThrow();
        store.release(claim);
        Sleep.of(Duration.ofMillis(300));
        SessionView afterRelease = byId(store.sessions()).get(alice.id());
        long sinceClaimed = db.nowMillis() - claim.claimedAt();

        assertThat(whileHeld).isBetween(150L, 5_000L);
        assertThat(afterRelease.status()).isEqualTo(SessionStatus.IDLE);
        assertThat(afterRelease.claimDurationMillis().orElseThrow())
                .as("how long the last claim was held, not how long ago it began")
                .isBetween(whileHeld, sinceClaimed - 300);
        assertThat(byId(store.sessions()).get(never.id()).claimDurationMillis()).isEmpty();
    }
}
