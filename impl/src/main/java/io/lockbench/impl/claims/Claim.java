package io.lockbench.impl.claims;

/**
 * One claim of a resource by a session, as read from the database.
 *
 * @param id          the claim's id
 * @param resourceId  what is claimed
 * @param sessionId   who holds it
 * @param token       the fencing token: 1 for a resource's first claim, higher for every later one;
 *                    the resource accepts writes only with the newest
 * @param status      active, released or expired
 * @param claimedAt   database clock when it was granted, ms since the epoch
 * @param heartbeatAt database clock at its holder's last heartbeat, ms since the epoch
 */
public record Claim(long id, String resourceId, String sessionId, long token, ClaimStatus status, long claimedAt,
                    long heartbeatAt) {
}
