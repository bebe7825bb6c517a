package io.lockbench.impl.claims;

import java.util.OptionalLong;

/**
 * One row of the sessions view; every age is measured by the database clock. The heartbeat that
 * counts is that of the session's oldest active claim (what a takeover looks at), or the session's
 * own when it holds none.
 *
 * @param heartbeatAgeMillis  how long ago it beat
 * @param heartbeatAgeSeconds the same, whole seconds
 * @param heartbeatAgeMinutes the same, whole minutes
 * @param heartbeatAgeText    the same for a person, in its largest unit: "45s ago", "2m ago", "3h ago", "2d ago"
 * @param secondsUntilStale   whole seconds until the heartbeat is older than the stale threshold; 0 once it is
 * @param activeClaims        claims it holds now
 * @param claimDurationMillis how long it has held its oldest active claim; without one, how long it held its
 *                            last claim; empty if it never held any
 */
public record SessionView(String sessionId, String host, String terminal, String workingDirectory,
                          SessionStatus status, int activeClaims, long heartbeatAgeMillis, long heartbeatAgeSeconds,
                          long heartbeatAgeMinutes, String heartbeatAgeText, long secondsUntilStale,
                          OptionalLong claimDurationMillis) {
}
