package io.lockbench.impl.claims;

import java.util.Optional;

/** What a claim attempt gave: the claim, or the owner who holds it. Both are normal outcomes. */
public sealed interface ClaimResult {

    /**
     * The resource is ours until we release it or stop heartbeating.
     *
     * @param claim      the new active claim, with its fencing token
     * @param tookOverFrom the stale claim this one replaced, if any (it is now expired)
     */
    record Granted(Claim claim, Optional<Claim> tookOverFrom) implements ClaimResult {
    }

    /** Someone else holds a claim whose heartbeat is fresh. */
    record Rejected(Owner owner) implements ClaimResult {
    }

    default boolean granted() {
        return this instanceof Granted;
    }

    /** The granted claim; fails with the owner's description when rejected. */
    default Claim claimOrThrow() {
        if (this instanceof Granted g) {
            return g.claim();
        }
        throw new IllegalStateException(((Rejected) this).owner().describe());
    }
}
