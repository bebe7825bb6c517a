package io.lockbench.impl.agent;

/** Where an agent's session stands, judged by the database clock when it was read. */
public enum AgentStatus {
    /** The lease is running: heartbeats extend it and the agent may change its project. */
    ACTIVE,
    /** The lease ran out without a heartbeat (whether or not cleanup has marked it yet). */
    EXPIRED,
    /** The session was ended on purpose (or never ran: an agent created by the legacy migration). */
    ENDED
}
