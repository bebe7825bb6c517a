package io.lockbench.impl.claims;

/**
 * The holder of a resource's active claim, as a rejected claimant sees it.
 *
 * @param resourceId         the resource
 * @param claimId            the active claim
 * @param token              its fencing token
 * @param sessionId          the holding session
 * @param heartbeatAgeMillis how long ago (by the database clock) the holder last beat
 * @param host               where the holder runs
 * @param terminal           its terminal
 * @param workingDirectory   its working directory
 */
public record Owner(String resourceId, long claimId, long token, String sessionId, long heartbeatAgeMillis,
                    String host, String terminal, String workingDirectory) {

    /** A sentence for a person: who holds it, where, and how recently it showed signs of life. */
    public String describe() {
        return "'" + resourceId + "' is claimed by session " + sessionId + " on " + host + " (terminal " + terminal
                + ", in " + workingDirectory + "), last heartbeat " + AgeText.ago(heartbeatAgeMillis);
    }
}
