package io.lockbench.impl.claims;

import java.util.Locale;

/** Where a claim is in its life; stored as the lower-case name. */
public enum ClaimStatus {
    /** Held: at most one per resource (the partial unique index, in the correct store). */
    ACTIVE,
    /** Given back by its holder. */
    RELEASED,
    /** Its heartbeat went stale and it was taken over or swept. */
    EXPIRED;

    /** The value in the {@code status} column. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ClaimStatus ofDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
