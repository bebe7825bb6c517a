package io.lockbench.impl.claims;

import io.lockbench.impl.db.Database;
import java.time.Duration;

/**
 * BROKEN on purpose: claims without fencing. Claiming is exactly the correct store's (one active
 * claim per resource, stale takeover), but the protected resource accepts a write whatever token
 * it carries. A holder that pauses (a GC pause, a suspended laptop) past the stale threshold is
 * taken over; when it wakes it does not know, writes, and overwrites the new holder's work.
 * Expected anomaly: two writers of one resource, writes accepted out of token order.
 *
 * <p>No think time here: the window is the holder's own pause, which a test or the stress
 * runner's pause nemesis makes.
 */
public final class UnfencedClaimStore extends ClaimTablesStore {

    private final PessimisticClaimStore claims;

    public UnfencedClaimStore(Database db) {
        this(db, DEFAULT_STALE_AFTER);
    }

    public UnfencedClaimStore(Database db, Duration staleAfter) {
        super(new ClaimTables(db, staleAfter, ClaimsSql.CLAIMS));
        this.claims = new PessimisticClaimStore(tables);
    }

    @Override
    public ClaimResult claim(String resourceId, String sessionId) {
        return claims.claim(resourceId, sessionId);
    }

    /** The mistake: the token is stored but never compared with the newest one issued. */
    @Override
    public FencedWriteResult fencedWrite(String resourceId, long token, String content) {
        return tables.blindWrite(resourceId, token, content);
    }
}
