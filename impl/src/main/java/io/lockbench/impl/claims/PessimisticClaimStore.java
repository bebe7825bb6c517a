package io.lockbench.impl.claims;

import io.lockbench.impl.db.Database;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pessimistic claims, done right. One transaction per claim: lock the resource row, expire its
 * active claim if that claim's heartbeat is stale (the takeover), then insert the new claim with
 * the next fencing token. A partial unique index ({@code ON claims(resource_id) WHERE status =
 * 'active'}) makes the database itself refuse a second active claim, whatever the application
 * does; the refusal comes back as the owner, so a person can find them. The resource's {@code
 * is_working_on} / {@code active_session_id} change in the same transaction (a trigger on
 * PostgreSQL). Writes to the resource must carry the newest token, so a holder that paused past
 * the threshold and lost its claim cannot overwrite its successor's work.
 */
public final class PessimisticClaimStore extends ClaimTablesStore {

    private static final Logger log = LoggerFactory.getLogger(PessimisticClaimStore.class);


    public PessimisticClaimStore(Database db) {
        this(db, DEFAULT_STALE_AFTER);
    }

    /** @param staleAfter a claim whose heartbeat is older than this may be taken over */
    public PessimisticClaimStore(Database db, Duration staleAfter) {
        this(new ClaimTables(db, staleAfter, ClaimsSql.CLAIMS));
    }

    /**
     * A store with the stale threshold an application's store last recorded in this database (the
     * default when none did): for tools, such as {@code lockbench claims}, that must not change it.
     */
    public static PessimisticClaimStore withRecordedStaleAfter(Database db) {
        return new PessimisticClaimStore(db, ClaimTables.recordedStaleAfter(db).orElse(DEFAULT_STALE_AFTER));
    }

    PessimisticClaimStore(ClaimTables tables) {
        super(tables);
    }

    /**
     * Five round trips when the resource is free (session lock, resource upsert-and-lock, insert,
     * token, commit). The insert comes before any look at the current holder: the index refuses it
     * if a claim is active, and only then is that claim checked for staleness (and, if stale,
     * expired and the insert tried again). Under the resource lock the order changes nothing.
     */
    @Override
    public ClaimResult claim(String resourceId, String sessionId) {
        return tables.db.inTransaction(c -> {
            tables.lockOpenSession(c, sessionId);
            long lastToken = tables.ensureAndLockResource(c, resourceId);
            Optional<Claim> inserted = tables.insertClaim(c, resourceId, sessionId, lastToken);
            Optional<Claim> stale = Optional.empty();
            if (inserted.isEmpty()) {
                // The index refused it: an active claim exists. Take it over if its heartbeat is stale.
                stale = tables.expireStaleClaimsOf(c, resourceId).stream().findFirst();
                if (stale.isPresent()) {
                    inserted = tables.insertClaim(c, resourceId, sessionId, lastToken);
                }
            }
            if (inserted.isEmpty()) {
                // A fresh active claim holds it. Nothing of ours was written.
                return new ClaimResult.Rejected(tables.activeOwner(c, resourceId).orElseThrow());
            }
            Claim claim = inserted.get();
            tables.tokenIssued(c, claim);
            stale.ifPresent(old -> log.info("session {} took over '{}' from session {} (claim {} stale, token {} -> {})",
                    sessionId, resourceId, old.sessionId(), old.id(), old.token(), claim.token()));
            return new ClaimResult.Granted(claim, stale);
        });
    }

    /** Every resource ever claimed, by id: what {@code lockbench claims next} chooses from. */
    public List<String> resourceIds() {
        return tables.resourceIds();
    }

    /** Who holds the resource now, if anyone. */
    public Optional<Owner> owner(String resourceId) {
        return tables.activeOwner(resourceId);
    }
}
