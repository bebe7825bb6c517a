package io.lockbench.impl.agent;

/** The outcome of a heartbeat: the lease was extended, or there was no valid lease to extend. */
public sealed interface HeartbeatResult permits HeartbeatResult.Extended, LeaseRefusal {

    /** The lease now runs until {@code session.leaseExpiresAt()}. */
    record Extended(AgentSession session) implements HeartbeatResult {
    }
}
