package io.lockbench.impl.claims;

/** What the protected resource did with a write that presented a fencing token. */
public sealed interface FencedWriteResult {

    /** The content is stored, tagged with the token. */
    record Accepted(String resourceId, long token) implements FencedWriteResult {
    }

    /**
     * Refused: the token is not the newest issued for the resource, so its holder lost the claim
     * (typically it paused past the stale threshold and another session took over).
     *
     * @param presentedToken the writer's token
     * @param newestToken    the newest token issued for the resource
     */
    record Rejected(String resourceId, long presentedToken, long newestToken) implements FencedWriteResult {
        public String describe() {
            return "write to '" + resourceId + "' with fencing token " + presentedToken + " rejected: the newest token "
                    + "issued for it is " + newestToken;
        }
    }

    default boolean accepted() {
        return this instanceof Accepted;
    }
}
