package io.lockbench.impl.agent;

/**
 * An agent's session and context as the database saw it. Times are the database clock, ms since
 * the epoch.
 *
 * @param agent          the agent's id
 * @param project        its current project, {@code null} until it selects one
 * @param version        how many times its project was set; the next compare-and-set expects this
 * @param status         active, expired or ended at {@code observedAt}
 * @param leaseEpoch     which start of the agent the current (or last) lease came from: 1, 2, 3 …
 *                       (0 for an agent the legacy migration created and nobody started yet)
 * @param startedAt      when the current (or last) lease was started
 * @param heartbeatAt    the last start or heartbeat
 * @param leaseExpiresAt when the lease runs out, or ran out or was ended
 * @param observedAt     the database clock when this was read
 */
public record AgentSession(String agent, String project, long version, AgentStatus status, long leaseEpoch,
                           long startedAt, long heartbeatAt, long leaseExpiresAt, long observedAt) {

    /** The lease this session was started with: what heartbeat, end, set-project and append need. */
    public Lease lease() {
        return new Lease(agent, leaseEpoch);
    }

    /** How long the lease has left (0 once it is over). */
    public long leaseRemainingMillis() {
        return status == AgentStatus.ACTIVE ? Math.max(0, leaseExpiresAt - observedAt) : 0;
    }
}
