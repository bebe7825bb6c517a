package io.lockbench.impl.claims;

import io.lockbench.impl.retry.Sleep;

/**
 * The scenario fencing exists for, run the same way against any store: A claims and starts
 * writing, then pauses (a GC pause, a suspended laptop) and stops heartbeating; B takes the claim
 * over once it is stale and writes; A wakes up and, unaware, writes with its old token.
 */
final class PausedHolder {

    /**
     * @param first       A's write before its pause
     * @param takeover    B's claim after the stale threshold
     * @param newHolders  B's write
     * @param wokenHolders A's write after waking, with its old token
     * @param finalContent what the resource holds at the end
     */
    record Outcome(Claim first, Claim takeover, FencedWriteResult newHolders, FencedWriteResult wokenHolders,
                   String finalContent) {
    }

    private PausedHolder() {
    }

    static Outcome run(ClaimStore store) {
        Session a = Sessions.start(store, "a");
        Session b = Sessions.start(store, "b");
        Claim aClaim = store.claim("doc", a.id()).claimOrThrow();
        store.fencedWrite("doc", aClaim.token(), "A's draft");

        Sleep.of(store.staleAfter().plusMillis(100)); // A is paused: no heartbeat

        Claim bClaim = store.claim("doc", b.id()).claimOrThrow();
        FencedWriteResult bWrite = store.fencedWrite("doc", bClaim.token(), "B's work");
        FencedWriteResult aWrite = store.fencedWrite("doc", aClaim.token(), "A's stale overwrite");
        return new Outcome(aClaim, bClaim, bWrite, aWrite, store.resource("doc").orElseThrow().content());
    }
}
