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
        assertThat(view.heartbeatAgeText()).isEqualTo("2m ago");
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

    @BackendTest
    void theView_isQueryableFromSql_andFindsStaleSessionsByComputedStatus(Backend backend) {
        Database db = databases.open(backend);
        ClaimStore store = new PessimisticClaimStore(db, STALE);
        Session fresh = Sessions.start(store, "fresh");
        Session stale = Sessions.start(store, "stale");
        store.claim("f", fresh.id()).claimOrThrow();
        store.claim("s", stale.id()).claimOrThrow();
        // The stale one last beat 45 s ago, the fresh one just now.
        db.withConnection(c -> Jdbc.update(c, "UPDATE lb_claims SET heartbeat_at = heartbeat_at - 45000, "
                + "claimed_at = claimed_at - 150000 WHERE session_id = ?", stale.id()));

        List<List<Object>> rows = db.withConnection(c -> Jdbc.queryList(c,
                "SELECT session_id, host, heartbeat_age_seconds, heartbeat_age_text, seconds_until_stale, "
                        + "claim_duration_minutes FROM lb_active_sessions WHERE computed_status = 'stale'",
                rs -> List.<Object>of(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
                        rs.getLong(6))));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get(0)).isEqualTo(stale.id());
            assertThat(row.get(1)).isEqualTo("host-stale");
            assertThat((Long) row.get(2)).isBetween(45L, 50L);
            assertThat((String) row.get(3)).matches("4[5-9]s ago");
            assertThat(row.get(4)).isEqualTo(0L);
            assertThat(row.get(5)).as("claimed 150 s ago").isEqualTo(2L);
        });
    }

    @BackendTest
    void theView_readsTheStaleThresholdTheStoreRecorded(Backend backend) {
        Database db = databases.open(backend);
        ClaimStore store = new PessimisticClaimStore(db, Duration.ofMinutes(2));
        Session alice = Sessions.start(store, "alice");
        store.claim("doc", alice.id()).claimOrThrow();

        long untilStale = store.sessions().get(0).secondsUntilStale();
        long recordedMs = db.withConnection(c -> Jdbc.queryLong(c, "SELECT stale_after_ms FROM lb_active_sessions"));

        assertThat(untilStale).isBetween(110L, 120L);
        assertThat(recordedMs).isEqualTo(120_000L);
        assertThat(PessimisticClaimStore.withRecordedStaleAfter(db).staleAfter()).isEqualTo(Duration.ofMinutes(2));
    }

    @BackendTest
    void ageWords_useTheLargestUnit(Backend backend) {
        Database db = databases.open(backend);
        ClaimStore store = new PessimisticClaimStore(db, Duration.ofDays(30));
        Session alice = Sessions.start(store, "alice");
        store.claim("doc", alice.id()).claimOrThrow();
        String text = "SELECT heartbeat_age_text FROM lb_active_sessions";
        long[] agesMs = {30_000, 3 * 3_600_000L + 60_000, 2 * 86_400_000L + 3_600_000};
        String[] words = {"3[0-4]s ago", "3h ago", "2d ago"};

        long shifted = 0;
        for (int i = 0; i < agesMs.length; i++) {
            long by = agesMs[i] - shifted;
            db.withConnection(c -> Jdbc.update(c, "UPDATE lb_claims SET heartbeat_at = heartbeat_at - ?", by));
            shifted = agesMs[i];
            assertThat(db.withConnection(c -> Jdbc.queryOne(c, text, rs -> rs.getString(1))).orElseThrow())
                    .matches(words[i]);
        }
    }
}
