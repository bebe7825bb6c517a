package io.lockbench.impl.agent;

import java.util.Optional;

/**
 * Each agent's current project, changed by compare-and-set on its version: the agent-scoped
 * strategy and its broken twin share this API, on every backend.
 */
public interface AgentContext {

    /** The agent's project and version; empty when the agent is unknown. */
    Optional<ProjectSelection> currentProject(String agent);

    /**
     * Sets {@code lease.agent()}'s project if its version is still {@code expectedVersion} (and,
     * for the correct strategy, {@code lease} is the agent's running lease).
     */
    ProjectUpdate setProject(Lease lease, long expectedVersion, String project);
}
