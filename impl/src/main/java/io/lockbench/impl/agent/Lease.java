package io.lockbench.impl.agent;

/**
 * The right to act as an agent, handed out by one {@link AgentSessions#start}. Every call that
 * changes an agent's state takes it: a lease from an earlier start (one that lapsed, was ended,
 * or was taken over by a later start) is stale and gets {@link LeaseExpired}, so a former holder
 * can never act on its successor's lease.
 *
 * @param agent the agent's id
 * @param epoch 1 for the agent's first start, one more for each start after it
 */
public record Lease(String agent, long epoch) {
}
