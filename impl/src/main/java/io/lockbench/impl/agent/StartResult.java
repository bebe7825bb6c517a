package io.lockbench.impl.agent;

/** The outcome of starting an agent's session. */
public sealed interface StartResult permits StartResult.Started, StartResult.AlreadyActive {

    AgentSession session();

    /**
     * A new lease: the agent was created, or its ended or expired session renewed (its project and
     * version are kept).
     */
    record Started(AgentSession session) implements StartResult {

        /** The new lease: pass it to heartbeat, end, set-project and append. */
        public Lease lease() {
            return session.lease();
        }
    }

    /**
     * The agent already holds a running lease, left unchanged: perhaps another process runs as
     * this agent. No lease is handed out: heartbeat with yours if it is yours; otherwise wait for
     * it to end or lapse, then start again.
     */
    record AlreadyActive(AgentSession session) implements StartResult {
    }
}
