package io.lockbench.impl.claims;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Claims whose heartbeats follow them: a granted claim starts its session's heartbeat, and a
 * release stops it once the session holds nothing else. Without this a caller must remember to
 * start a {@link HeartbeatManager} after each claim and stop it after the last release; forgetting
 * the first loses the claim to a takeover, forgetting the second keeps an idle session beating.
 */
public final class HeartbeatingClaims implements AutoCloseable {

    private final ClaimStore store;
    private final Duration interval;
    private final int maxConsecutiveFailures;
    private final Map<String, HeartbeatManager> beating = new ConcurrentHashMap<>();
    /** One lock per session: a claim and a release of one session must not cross between the database and the decision. */
    private final Map<String, Object> sessionLocks = new ConcurrentHashMap<>();

    public HeartbeatingClaims(ClaimStore store) {
        this(store, HeartbeatManager.DEFAULT_INTERVAL, HeartbeatManager.MAX_CONSECUTIVE_FAILURES);
    }

    public HeartbeatingClaims(ClaimStore store, Duration interval, int maxConsecutiveFailures) {
        this.store = store;
        this.interval = interval;
        this.maxConsecutiveFailures = maxConsecutiveFailures;
    }

    /** Claims as {@link ClaimStore#claim} does; when granted, the session's heartbeat runs (started if it was not). */
    public ClaimResult claim(String resourceId, String sessionId) {
        synchronized (lockOf(sessionId)) {
            ClaimResult result = store.claim(resourceId, sessionId);
            if (result instanceof ClaimResult.Granted) {
                beating.computeIfAbsent(sessionId,
                        id -> new HeartbeatManager(store, id, interval, maxConsecutiveFailures)).start();
            }
            return result;
        }
    }

    /** Releases as {@link ClaimStore#release} does; stops the session's heartbeat when it holds no other claim. */
    public ReleaseResult release(Claim claim) {
        synchronized (lockOf(claim.sessionId())) {
            ReleaseResult result = store.release(claim);
            if (store.claimsOf(claim.sessionId()).isEmpty()) {
                HeartbeatManager manager = beating.remove(claim.sessionId());
                if (manager != null) {
                    manager.stop();
                }
            }
            return result;
        }
    }

    /** Whether {@code sessionId}'s heartbeat is running. */
    public boolean isActive(String sessionId) {
        HeartbeatManager manager = beating.get(sessionId);
        return manager != null && manager.isActive(sessionId);
    }

    /** The session's heartbeat manager while it holds claims taken here (its stats, a forced beat). */
    public Optional<HeartbeatManager> heartbeat(String sessionId) {
        return Optional.ofNullable(beating.get(sessionId));
    }

    private Object lockOf(String sessionId) {
        return sessionLocks.computeIfAbsent(sessionId, id -> new Object());
    }

    /** Stops every heartbeat; the claims stay in the database and go stale unless released. */
    @Override
    public void close() {
        beating.values().forEach(HeartbeatManager::stop);
        beating.clear();
    }
}
