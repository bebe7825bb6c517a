package io.lockbench.impl.agent;

/** The outcome of starting an agent's session. */
public sealed interface StartResult permits StartResult.Started, StartResult.AlreadyActive {

    AgentSession session();

    /**
     * A new lease: the agent was created, or its ended or expired session renewed (its project and
     * version are kept).
     */
    record Started(AgentSession session) implements StartResult {
    }

    /**
     * The agent already holds a running lease, left unchanged: perhaps another process runs as
     * this agent. Heartbeat if it is yours; end it first to take it over.
     */
    record AlreadyActive(AgentSession session) implements StartResult {
    }
}
