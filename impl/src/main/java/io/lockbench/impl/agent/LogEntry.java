package io.lockbench.impl.agent;

/**
 * One entry of an agent's append-only log.
 *
 * @param agent      whose log it is in
 * @param seq        1, 2, 3 … per agent, with no gap and no duplicate
 * @param entry      the text appended
 * @param project    the project the agent worked on when it appended (null if it had none)
 * @param appendedAt database clock at the append, ms since the epoch
 */
public record LogEntry(String agent, long seq, String entry, String project, long appendedAt) {
}
