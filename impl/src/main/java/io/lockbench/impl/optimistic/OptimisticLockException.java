package io.lockbench.impl.optimistic;

/** Every attempt of an optimistic update met a concurrent writer; nothing was written. */
public class OptimisticLockException extends RuntimeException {

    private final String key;
    private final int attempts;
    private final long lastSeenVersion;

    public OptimisticLockException(String key, int attempts, long lastSeenVersion) {
        super("optimistic update of '" + key + "' gave up after " + attempts + " attempt"
                + (attempts == 1 ? "" : "s") + ": another writer changed it each time (last seen version "
                + lastSeenVersion + ")");
        this.key = key;
        this.attempts = attempts;
        this.lastSeenVersion = lastSeenVersion;
    }

    public String key() {
        return key;
    }

    public int attempts() {
        return attempts;
    }

    public long lastSeenVersion() {
        return lastSeenVersion;
    }
}
