package io.lockbench.impl.agent;

/**
 * The project an agent works on, as read.
 *
 * @param agent   the agent that asked
 * @param project its current project, {@code null} until one is set
 * @param version pass this as {@code expectedVersion} to change the project
 */
public record ProjectSelection(String agent, String project, long version) {
}
