package io.lockbench.impl.claims;

/**
 * A worker that can hold claims; it stays alive by heartbeats.
 *
 * @param id        generated when the session starts
 * @param info      host, terminal and working directory
 * @param startedAt database clock at start, ms since the epoch
 */
public record Session(String id, SessionInfo info, long startedAt) {
}
