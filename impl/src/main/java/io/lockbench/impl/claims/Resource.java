package io.lockbench.impl.claims;

/**
 * The protected resource, as stored.
 *
 * @param id              the resource's id
 * @param workingOn       true while it has an active claim (kept in step with the claims)
 * @param activeSessionId the session holding the active claim; null when nobody does
 * @param lastIssuedToken the newest fencing token issued for it (0 before its first claim)
 * @param content         the last accepted write; null before the first
 * @param writtenToken    the token of the last accepted write (0 before the first)
 * @param updatedAt       database clock at the last change, ms since the epoch
 */
public record Resource(String id, boolean workingOn, String activeSessionId, long lastIssuedToken, String content,
                       long writtenToken, long updatedAt) {
}
