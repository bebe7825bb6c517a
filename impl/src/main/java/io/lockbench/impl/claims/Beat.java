package io.lockbench.impl.claims;

/**
 * One heartbeat that reached the database.
 *
 * @param sessionId       the session that beat
 * @param atMillis        database clock of the beat, now the heartbeat of the session and its claims
 * @param claimsRefreshed active claims refreshed; 0 when the session holds none (or lost them)
 */
public record Beat(String sessionId, long atMillis, int claimsRefreshed) {
}
