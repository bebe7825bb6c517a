package io.lockbench.impl.claims;

import java.util.Locale;

/** A session's state in the sessions view. */
public enum SessionStatus {
    /** Holds at least one claim, and its heartbeat is fresh. */
    ACTIVE,
    /** Holds a claim whose heartbeat is older than the stale threshold: another session may take it over. */
    STALE,
    /** Open, but holds no active claim. */
    IDLE,
    /** Ended: its claims were released. */
    RELEASED;

    static SessionStatus ofDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
