package io.lockbench.impl.claims;

/** What releasing a claim did. A claim that already ended is not an error: it is reported. */
public sealed interface ReleaseResult {

    /** The claim was active and now is released; the resource is free. */
    record Released(Claim claim) implements ReleaseResult {
    }

    /**
     * Nothing changed: the claim had already ended, e.g. it went stale and was taken over.
     *
     * @param status released or expired
     */
    record NotActive(long claimId, ClaimStatus status) implements ReleaseResult {
    }
}
