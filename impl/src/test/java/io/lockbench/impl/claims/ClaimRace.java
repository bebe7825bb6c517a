package io.lockbench.impl.claims;

import io.lockbench.impl.testing.Concurrently;
import java.util.ArrayList;
import java.util.List;

/**
 * The race a claims table exists to win, run the same way against any store: for each of several
 * resources, every thread (each its own session) claims it at the same instant.
 */
final class ClaimRace {

    /**
     * @param resourceId     the contested resource
     * @param grants         claims the store granted
     * @param activeClaims   active claims in the database afterwards
     * @param activeSessionId the resource's {@code active_session_id} afterwards
     * @param grantedSessions sessions that were granted a claim
     */
    record Round(String resourceId, int grants, int activeClaims, String activeSessionId, List<String> grantedSessions) {
    }

    private ClaimRace() {
    }

    static List<Round> run(ClaimStore store, int threads, int resources) {
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            sessions.add(Sessions.start(store, "racer" + i));
        }
        List<Round> rounds = new ArrayList<>();
        for (int r = 0; r < resources; r++) {
            String resource = "contested-" + r;
            List<ClaimResult> results = Concurrently.run(threads, w -> store.claim(resource, sessions.get(w).id()));
            List<String> granted = results.stream().filter(ClaimResult::granted)
                    .map(res -> res.claimOrThrow().sessionId()).toList();
            rounds.add(new Round(resource, granted.size(), store.activeClaims(resource).size(),
                    store.resource(resource).orElseThrow().activeSessionId(), granted));
        }
        return rounds;
    }
}
