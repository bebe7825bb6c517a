package io.lockbench.impl.agent;

/**
 * Rejected: the lease presented is not valid (it lapsed, was expired by cleanup or ended, or a
 * later start replaced it), so nothing was written, even if the expected version matched. Start
 * the agent again for a new lease.
 *
 * @param currentVersion the agent's project version now, for the caller's next attempt
 * @param expiredAt      when the lease ran out or was ended; for a lease replaced by a later
 *                       start, when that start took over (database clock, ms since the epoch)
 * @param currentEpoch   the agent's newest lease epoch: greater than the one presented when the
 *                       caller's lease was replaced
 */
public record LeaseExpired(long currentVersion, long expiredAt, long currentEpoch)
        implements LeaseRefusal {

    /** Why {@code presented} is not valid, given the agent's session as it is now. */
    static LeaseExpired of(AgentSession now, Lease presented) {
        boolean replaced = now.leaseEpoch() != presented.epoch();
        return new LeaseExpired(now.version(), replaced ? now.startedAt() : now.leaseExpiresAt(), now.leaseEpoch());
    }
}
