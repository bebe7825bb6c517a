package io.lockbench.impl.agent;

/**
 * Rejected: the agent has no valid lease (it lapsed, was expired by cleanup, or was ended), so
 * nothing was written, even if the expected version matched. Start the agent again to renew it.
 *
 * @param currentVersion the agent's project version now, for the caller's next attempt
 * @param expiredAt      when the lease ran out or was ended (database clock, ms since the epoch)
 */
public record LeaseExpired(long currentVersion, long expiredAt) implements ProjectUpdate, HeartbeatResult {
}
