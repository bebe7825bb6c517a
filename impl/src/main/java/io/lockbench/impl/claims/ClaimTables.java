package io.lockbench.impl.claims;

import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Jdbc;
import io.lockbench.impl.db.SchemaMigrator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Sessions, resources and one claims table: the operations the correct store and its twins
 * share. The claim itself, and how a write is checked, are where the stores differ.
 */
final class ClaimTables {

    final Database db;
    final ClaimsSql sql;
    final Duration staleAfter;

    ClaimTables(Database db, Duration staleAfter, String claimsTable) {
        if (staleAfter.toMillis() < 1) {
            throw new IllegalArgumentException("staleAfter must be at least 1 ms, was " + staleAfter);
        }
        this.db = db;
        this.staleAfter = staleAfter;
        this.sql = new ClaimsSql(db.dialect(), claimsTable);
        SchemaMigrator.migrate(db, ClaimsSql.COMPONENT, ClaimsSql.migrations(db.dialect()));
        if (claimsTable.equals(ClaimsSql.UNINDEXED_CLAIMS)) {
            SchemaMigrator.migrate(db, ClaimsSql.UNINDEXED_COMPONENT, ClaimsSql.unindexedMigrations(db.dialect()));
        }
        // The sessions view reads the threshold from the database, so operators see the store's rule.
        db.withConnection(c -> Jdbc.update(c, sql.saveStaleAfter, staleAfter.toMillis()));
    }

    /** The stale threshold the last store recorded in this database, if any did. */
    static Optional<Duration> recordedStaleAfter(Database db) {
        SchemaMigrator.migrate(db, ClaimsSql.COMPONENT, ClaimsSql.migrations(db.dialect()));
        return db.withConnection(c -> Jdbc.queryOne(c, new ClaimsSql(db.dialect(), ClaimsSql.CLAIMS).readStaleAfter,
                rs -> Duration.ofMillis(rs.getLong(1))));
    }

    List<String> resourceIds() {
        return db.withConnection(c -> Jdbc.queryList(c, "SELECT resource_id FROM lb_resources ORDER BY resource_id",
                rs -> rs.getString(1)));
    }

    Optional<Owner> activeOwner(String resourceId) {
        return db.withConnection(c -> activeOwner(c, resourceId));
    }

    List<Claim> activeClaimsOfSession(String sessionId) {
        return db.withConnection(c -> Jdbc.queryList(c, sql.activeClaimsOfSession, ClaimTables::mapClaim, sessionId));
    }

    Session startSession(SessionInfo info) {
        String id = UUID.randomUUID().toString();
        long startedAt = db.autocommitWrite(c -> Jdbc.queryLong(c, sql.insertSession, id, info.host(), info.terminal(),
                info.workingDirectory()));
        return new Session(id, info, startedAt);
    }

    List<Claim> endSession(String sessionId) {
        return db.inTransaction(c -> {
            lockOpenSession(c, sessionId);
            List<Claim> released = new ArrayList<>();
            // Ordered by resource id, so two transactions that lock several resources lock them in one order.
            for (Claim claim : Jdbc.queryList(c, sql.activeClaimsOfSession, ClaimTables::mapClaim, sessionId)) {
                lockResource(c, claim.resourceId());
                Jdbc.queryOne(c, sql.release, ClaimTables::mapClaim, claim.id()).ifPresent(released::add);
                resourceFreed(c, claim.resourceId());
            }
            Jdbc.update(c, sql.endSession, sessionId);
            return released;
        });
    }

    Beat heartbeat(String sessionId) {
        return db.inTransaction(c -> {
            long at = Jdbc.queryOne(c, sql.touchSession, rs -> rs.getLong(1), sessionId)
                    .orElseThrow(() -> notOpen(sessionId));
            int claims = Jdbc.update(c, sql.touchClaims, at, sessionId);
            return new Beat(sessionId, at, claims);
        });
    }

    /** Locks the session row so it cannot end while we claim for it. */
    void lockOpenSession(Connection c, String sessionId) throws SQLException {
        if (Jdbc.queryOne(c, sql.lockOpenSession, rs -> rs.getString(1), sessionId).isEmpty()) {
            throw notOpen(sessionId);
        }
    }

    private static IllegalStateException notOpen(String sessionId) {
        return new IllegalStateException("session '" + sessionId + "' is not open: unknown or ended");
    }

    /** Creates the resource on its first claim, locks its row and returns the newest token issued for it. */
    long ensureAndLockResource(Connection c, String resourceId) throws SQLException {
        return Jdbc.queryLong(c, sql.ensureAndLockResource, resourceId);
    }

    /** Locks the resource row (every claim change of the resource takes this lock first) and returns its newest token. */
    long lockResource(Connection c, String resourceId) throws SQLException {
        return Jdbc.queryLong(c, sql.lockResource, resourceId);
    }

    /**
     * Expires the resource's active claim if its heartbeat is stale (every such claim, in the
     * twin's unindexed table); the caller holds the resource lock.
     */
    List<Claim> expireStaleClaimsOf(Connection c, String resourceId) throws SQLException {
        List<Claim> expired = Jdbc.queryList(c, sql.expireStaleOfResource, ClaimTables::mapClaim, resourceId,
                staleAfter.toMillis());
        if (!expired.isEmpty()) {
            resourceFreed(c, resourceId);
        }
        return expired;
    }

    /** Inserts an active claim with the next token unless the partial unique index refuses it (an active claim exists). */
    Optional<Claim> insertClaim(Connection c, String resourceId, String sessionId, long lastToken) throws SQLException {
        return Jdbc.queryOne(c, sql.insertClaim, ClaimTables::mapClaim, resourceId, sessionId, lastToken + 1);
    }

    /** Inserts an active claim with the next token, without any check, and issues the token. */
    Claim insertUnchecked(Connection c, String resourceId, String sessionId, long lastToken) throws SQLException {
        Claim claim = Jdbc.queryOne(c, sql.insertClaimUnchecked, ClaimTables::mapClaim, resourceId, sessionId,
                lastToken + 1).orElseThrow();
        tokenIssued(c, claim);
        return claim;
    }

    /** Records the claim's token as the resource's newest and marks the resource as worked on. */
    void tokenIssued(Connection c, Claim claim) throws SQLException {
        Jdbc.update(c, sql.issueToken, claim.token(), claim.resourceId());
        if (!sql.resourceSyncedByTrigger) {
            Jdbc.update(c, sql.markWorkingOn, claim.sessionId(), claim.resourceId());
        }
    }

    private void resourceFreed(Connection c, String resourceId) throws SQLException {
        if (!sql.resourceSyncedByTrigger) {
            Jdbc.update(c, sql.clearWorkingOn, resourceId);
        }
    }

    Optional<Owner> activeOwner(Connection c, String resourceId) throws SQLException {
        return Jdbc.queryOne(c, sql.activeOwner, rs -> new Owner(rs.getString("resource_id"), rs.getLong("claim_id"),
                rs.getLong("token"), rs.getString("session_id"), rs.getLong("age_ms"), rs.getString("host"),
                rs.getString("terminal"), rs.getString("working_directory")), resourceId);
    }

    ReleaseResult release(Claim claim) {
        return db.inTransaction(c -> {
            lockResource(c, claim.resourceId());
            Optional<Claim> released = Jdbc.queryOne(c, sql.release, ClaimTables::mapClaim, claim.id());
            if (released.isPresent()) {
                resourceFreed(c, claim.resourceId());
                return new ReleaseResult.Released(released.get());
            }
            ClaimStatus status = Jdbc.queryOne(c, sql.claimStatus, rs -> ClaimStatus.ofDb(rs.getString(1)), claim.id())
                    .orElseThrow(() -> new NoSuchElementException("no claim " + claim.id()));
            return new ReleaseResult.NotActive(claim.id(), status);
        });
    }

    /** Each resource in its own short transaction, re-checked under its lock: a claim refreshed meanwhile stays. */
    List<Claim> expireStale() {
        List<String> resources = db.withConnection(c ->
                Jdbc.queryList(c, sql.resourcesWithStaleClaims, rs -> rs.getString(1), staleAfter.toMillis()));
        List<Claim> expired = new ArrayList<>();
        for (String resourceId : resources) {
            expired.addAll(db.inTransaction(c -> {
                lockResource(c, resourceId);
                return expireStaleClaimsOf(c, resourceId);
            }));
        }
        return expired;
    }

    FencedWriteResult fencedWrite(String resourceId, long token, String content) {
        return db.autocommitWrite(c -> {
            if (Jdbc.update(c, sql.fencedWrite, content, token, resourceId, token) == 1) {
                return new FencedWriteResult.Accepted(resourceId, token);
            }
            long newest = Jdbc.queryOne(c, sql.newestToken, rs -> rs.getLong(1), resourceId)
                    .orElseThrow(() -> unknownResource(resourceId));
            return new FencedWriteResult.Rejected(resourceId, token, newest);
        });
    }

    FencedWriteResult blindWrite(String resourceId, long token, String content) {
        return db.autocommitWrite(c -> {
            if (Jdbc.update(c, sql.blindWrite, content, token, resourceId) == 0) {
                throw unknownResource(resourceId);
            }
            return new FencedWriteResult.Accepted(resourceId, token);
        });
    }

    private static NoSuchElementException unknownResource(String resourceId) {
        return new NoSuchElementException("no resource '" + resourceId + "': it was never claimed");
    }

    Optional<Resource> resource(String resourceId) {
        return db.withConnection(c -> Jdbc.queryOne(c, sql.selectResource, rs -> new Resource(
                rs.getString("resource_id"), rs.getBoolean("is_working_on"), rs.getString("active_session_id"),
                rs.getLong("last_issued_token"), rs.getString("content"), rs.getLong("written_token"),
                rs.getLong("updated_at")), resourceId));
    }

    List<Claim> activeClaims(String resourceId) {
        return db.withConnection(c -> Jdbc.queryList(c, sql.activeClaimsOfResource, ClaimTables::mapClaim, resourceId));
    }

    List<SessionView> sessions() {
        return db.withConnection(c -> Jdbc.queryList(c, sql.sessionsView, ClaimTables::mapSessionView));
    }

    static Claim mapClaim(ResultSet rs) throws SQLException {
        return new Claim(rs.getLong("claim_id"), rs.getString("resource_id"), rs.getString("session_id"),
                rs.getLong("token"), ClaimStatus.ofDb(rs.getString("status")), rs.getLong("claimed_at"),
                rs.getLong("heartbeat_at"));
    }

    private static SessionView mapSessionView(ResultSet rs) throws SQLException {
        long ageMillis = rs.getLong("heartbeat_age_ms");
        Long duration = Jdbc.getLongOrNull(rs, "claim_duration_ms");
        return new SessionView(rs.getString("session_id"), rs.getString("host"), rs.getString("terminal"),
                rs.getString("working_directory"), SessionStatus.ofDb(rs.getString("computed_status")),
                rs.getInt("active_claims"), ageMillis, rs.getLong("heartbeat_age_seconds"),
                rs.getLong("heartbeat_age_minutes"), rs.getString("heartbeat_age_text"), rs.getLong("seconds_until_stale"),
                duration == null ? OptionalLong.empty() : OptionalLong.of(duration));
    }
}
