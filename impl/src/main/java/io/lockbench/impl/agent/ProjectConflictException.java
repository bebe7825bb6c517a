package io.lockbench.impl.agent;

/**
 * {@link ProjectRetry} gave up: every attempt lost its compare-and-set to another writer of the
 * same agent's project. Nothing was written by the call that throws it.
 */
public final class ProjectConflictException extends RuntimeException {

    private final String agent;
    private final int attempts;
    private final long lastSeenVersion;

    public ProjectConflictException(String agent, int attempts, long lastSeenVersion) {
        super("agent '" + agent + "': gave up setting its project after " + attempts + " attempt"
                + (attempts == 1 ? "" : "s") + ", each time another writer had changed it first (last seen at version "
                + lastSeenVersion + "); nothing was written by this call. Re-read the agent's project and decide "
                + "again, or have fewer tasks of this agent change its project at once; raise maxAttempts only if "
                + "the conflicts come in short bursts");
        this.agent = agent;
        this.attempts = attempts;
        this.lastSeenVersion = lastSeenVersion;
    }

    public String agent() {
        return agent;
    }

    public int attempts() {
        return attempts;
    }

    public long lastSeenVersion() {
        return lastSeenVersion;
    }
}
