package io.lockbench.impl.claims;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Pessimistic claims: a session claims a resource before working on it, keeps the claim alive by
 * heartbeats, and writes to the resource with the claim's fencing token. The correct store and
 * its broken twins share this API, on every backend. All times come from the database clock.
 */
public interface ClaimStore {

    /** A claim whose heartbeat is older than this may be taken over, unless the store is told otherwise. */
    Duration DEFAULT_STALE_AFTER = Duration.ofMinutes(5);

    /** The stale threshold of this store. */
    Duration staleAfter();

    /** Opens a session that can hold claims. */
    Session startSession(SessionInfo info);

    /** Ends an open session and releases its active claims, in one transaction; returns them. */
    List<Claim> endSession(String sessionId);

    /**
     * Refreshes the heartbeat of an open session and of its active claims.
     *
     * @throws IllegalStateException when the session is unknown or ended
     */
    Beat heartbeat(String sessionId);

    /**
     * Claims {@code resourceId} for the session. A stale active claim of the resource is expired
     * and taken over; a fresh one makes this attempt {@link ClaimResult.Rejected}, naming its owner.
     * A session that already holds the resource is rejected too (it is the owner).
     *
     * @throws IllegalStateException when the session is unknown or ended
     */
    ClaimResult claim(String resourceId, String sessionId);

    /** Releases the claim if it is still active. */
    ReleaseResult release(Claim claim);

    /**
     * Writes {@code content} to the resource if {@code token} is the newest fencing token issued for
     * it; a holder that lost its claim learns so here, before it overwrites the new holder's work.
     *
     * @throws java.util.NoSuchElementException when the resource was never claimed
     */
    FencedWriteResult fencedWrite(String resourceId, long token, String content);

    /** Expires every active claim whose heartbeat is older than the stale threshold; returns them. */
    List<Claim> expireStale();

    Optional<Resource> resource(String resourceId);

    /** The active claims of a resource: never more than one, unless the store is broken. */
    List<Claim> activeClaims(String resourceId);

    /** The active claims a session holds, by resource id. */
    List<Claim> claimsOf(String sessionId);

    /**
     * Every session with its heartbeat age, status and claim duration, oldest session first: the
     * rows of the database view {@code lb_active_sessions}, which operators can query from SQL.
     */
    List<SessionView> sessions();
}
