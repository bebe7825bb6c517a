package io.lockbench.impl.catalog;

/**
 * What a broken variant is expected to do wrong, in the words a report prints (jcstress's
 * FORBIDDEN outcomes, stated up front). The checkers must flag each one.
 */
public enum ExpectedAnomaly {
    LOST_UPDATE("lost update", "an acknowledged update is missing from the final state"),
    FAILED_UPDATE_APPLIED("failed update applied",
            "an update reported as failed is in the data anyway, so a caller that retries it applies it twice"),
    DUPLICATE_VERSION("duplicate version", "two versions of one file carry the same number"),
    TWO_ACTIVE_CLAIMS("two active claims", "two sessions hold the same resource at the same time"),
    STALE_HOLDER_WRITE("stale holder write",
            "a holder that lost its claim (paused past the stale threshold) overwrites the new holder's work"),
    OVERWRITTEN_SELECTION("overwritten selection", "one agent's current project is replaced by another agent's");

    private final String displayName;
    private final String meaning;

    ExpectedAnomaly(String displayName, String meaning) {
        this.displayName = displayName;
        this.meaning = meaning;
    }

    public String displayName() {
        return displayName;
    }

    /** One sentence: what a user would see happen. */
    public String meaning() {
        return meaning;
    }
}
