package io.lockbench.impl.claims;

import io.lockbench.impl.db.Database;
import io.lockbench.impl.retry.Sleep;
import java.time.Duration;
import java.util.Optional;

/**
 * BROKEN on purpose: check-then-insert without the index. It looks for a fresh active claim of
 * the resource in one statement and, finding none, inserts its own in another, into a claims
 * table that has no partial unique index. Two sessions that check before either inserts both
 * find the resource free and both get an active claim. Expected anomaly: two active claims (two
 * holders) of one resource.
 *
 * <p>The check and the insert are separate statements, as the mistake is usually made; {@code
 * thinkTime} between them widens the window (on SQLite, which serializes transactions, the window
 * only exists between statements). Everything else (tokens, heartbeats, release, fenced writes)
 * is the correct store's, on the twin's own claims table.
 */
public final class CheckThenInsertClaimStore extends ClaimTablesStore {

    private final Duration thinkTime;

    public CheckThenInsertClaimStore(Database db) {
        this(db, DEFAULT_STALE_AFTER, Duration.ZERO);
    }

    public CheckThenInsertClaimStore(Database db, Duration staleAfter, Duration thinkTime) {
        super(new ClaimTables(db, staleAfter, ClaimsSql.UNINDEXED_CLAIMS));
        this.thinkTime = thinkTime;
    }

    @Override
    public ClaimResult claim(String resourceId, String sessionId) {
        // The check, in a statement of its own.
        Optional<Owner> owner = tables.db.withConnection(c -> tables.activeOwner(c, resourceId));
        if (owner.isPresent() && owner.get().heartbeatAgeMillis() <= tables.staleAfter.toMillis()) {
            return new ClaimResult.Rejected(owner.get());
        }
        Sleep.of(thinkTime);
        // The insert, trusting a check that may no longer hold.
        return tables.db.inTransaction(c -> {
            tables.lockOpenSession(c, sessionId);
            long lastToken = tables.ensureAndLockResource(c, resourceId);
            Optional<Claim> stale = tables.expireStaleClaimsOf(c, resourceId).stream().findFirst();
            return new ClaimResult.Granted(tables.insertUnchecked(c, resourceId, sessionId, lastToken), stale);
        });
    }










}
