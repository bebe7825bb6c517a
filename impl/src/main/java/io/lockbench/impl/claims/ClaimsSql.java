package io.lockbench.impl.claims;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Dialect;
import io.lockbench.impl.db.Migration;
import java.util.List;

/**
 * All SQL of the pessimistic-claims strategy and its twins, for any dialect, for one claims
 * table: {@value #CLAIMS} (the correct store, with the partial unique index) or
 * {@value #UNINDEXED_CLAIMS} (the check-then-insert twin, without it).
 *
 * <p>Lock order on PostgreSQL, kept by every transaction here so none can deadlock another:
 * session row, then resource row, then claim rows. SQLite runs one write transaction at a time.
 */
final class ClaimsSql {

    static final String COMPONENT = "claims";
    static final String UNINDEXED_COMPONENT = "claims-unindexed";
    static final String CLAIMS = "lb_claims";
    static final String UNINDEXED_CLAIMS = "lb_claims_unindexed";
    /** The operators' view of sessions over {@value #CLAIMS}. */
    static final String SESSIONS_VIEW = "lb_active_sessions";
    /** The same view over the check-then-insert twin's claims. */
    static final String UNINDEXED_SESSIONS_VIEW = "lb_active_sessions_unindexed";
    static final String ONE_ACTIVE_INDEX = "lb_claims_one_active";
    static final String SYNC_TRIGGER = CLAIMS + "_sync_resource";
    static final String SETTINGS = "lb_claims_settings";

    private static final String CLAIM_COLUMNS = "claim_id, resource_id, session_id, token, status, claimed_at, heartbeat_at";
    private static final String RESOURCE_COLUMNS =
            "resource_id, is_working_on, active_session_id, last_issued_token, content, written_token, updated_at";

    /**
     * How the resource's {@code is_working_on} / {@code active_session_id} follow its claims: a
     * trigger on PostgreSQL; on every other backend the store updates them in the claim's own
     * transaction (so a new backend needs nothing here).
     */
    static boolean resourceSyncedByTrigger(Backend backend) {
        return backend == Backend.POSTGRESQL;
    }

    final boolean resourceSyncedByTrigger;

    // sessions
    final String insertSession;
    final String lockOpenSession;
    final String touchSession;
    final String endSession;

    // resources
    /**
     * Creates the resource on its first claim, or locks the existing row, and returns its newest
     * token: one round trip. A no-op {@code DO UPDATE} locks the row as {@code FOR UPDATE} would
     * (PostgreSQL: waits for a concurrent claim, then returns the row as committed).
     */
    final String ensureAndLockResource;
    final String lockResource;
    final String newestToken;
    final String issueToken;
    /** Same-transaction sync (backends without the trigger). Parameters: session id, resource id. */
    final String markWorkingOn;
    /** Same-transaction sync (backends without the trigger). Parameter: resource id. */
    final String clearWorkingOn;
    final String selectResource;
    /** Accepted only with the newest issued token: an older one lost the claim, a newer one was never issued. */
    final String fencedWrite;
    /** The no-fencing twin's write: whatever token it carries. */
    final String blindWrite;

    // claims
    /** The correct insert: the partial unique index decides, and a conflict inserts nothing. */
    final String insertClaim;
    /** The check-then-insert twin's insert: nothing stops a second active claim. */
    final String insertClaimUnchecked;
    final String expireStaleOfResource;
    final String resourcesWithStaleClaims;
    final String activeOwner;
    final String release;
    final String claimStatus;
    final String activeClaimsOfResource;
    final String activeClaimsOfSession;
    final String touchClaims;
    final String sessionsView;
    /** Records the store's stale threshold, which the sessions view reads. Parameter: ms. */
    final String saveStaleAfter;
    final String readStaleAfter;
    final String activeClaimsOfSessionCount;

    ClaimsSql(Dialect d, String claims) {
        String now = d.nowMillis();
        resourceSyncedByTrigger = resourceSyncedByTrigger(d.backend());

        insertSession = "INSERT INTO lb_sessions (session_id, host, terminal, working_directory, started_at, heartbeat_at) "
                + "VALUES (?, ?, ?, ?, " + now + ", " + now + ") RETURNING started_at";
        lockOpenSession = "SELECT session_id FROM lb_sessions WHERE session_id = ? AND ended_at IS NULL" + d.forUpdate();
        touchSession = "UPDATE lb_sessions SET heartbeat_at = " + now
                + " WHERE session_id = ? AND ended_at IS NULL RETURNING heartbeat_at";
        endSession = "UPDATE lb_sessions SET ended_at = " + now + " WHERE session_id = ?";

        ensureAndLockResource = "INSERT INTO lb_resources (resource_id, is_working_on, last_issued_token, "
                + "written_token, updated_at) VALUES (?, FALSE, 0, 0, " + now + ") ON CONFLICT (resource_id) "
                + "DO UPDATE SET last_issued_token = lb_resources.last_issued_token RETURNING last_issued_token";
        lockResource = "SELECT last_issued_token FROM lb_resources WHERE resource_id = ?" + d.forUpdate();
        newestToken = "SELECT last_issued_token FROM lb_resources WHERE resource_id = ?";
        issueToken = "UPDATE lb_resources SET last_issued_token = ?, updated_at = " + now + " WHERE resource_id = ?";
        markWorkingOn = markWorkingOn("?", "?");
        clearWorkingOn = clearWorkingOn("?");
        selectResource = "SELECT " + RESOURCE_COLUMNS + " FROM lb_resources WHERE resource_id = ?";
        fencedWrite = "UPDATE lb_resources SET content = ?, written_token = ?, updated_at = " + now
                + " WHERE resource_id = ? AND last_issued_token = ?";
        blindWrite = "UPDATE lb_resources SET content = ?, written_token = ?, updated_at = " + now
                + " WHERE resource_id = ?";

        String insert = "INSERT INTO " + claims + " (resource_id, session_id, status, token, claimed_at, heartbeat_at) "
                + "VALUES (?, ?, 'active', ?, " + now + ", " + now + ")";
        insertClaim = insert + " ON CONFLICT (resource_id) WHERE status = 'active' DO NOTHING RETURNING " + CLAIM_COLUMNS;
        insertClaimUnchecked = insert + " RETURNING " + CLAIM_COLUMNS;
        expireStaleOfResource = "UPDATE " + claims + " SET status = 'expired', ended_at = " + now
                + " WHERE resource_id = ? AND status = 'active' AND heartbeat_at < " + now + " - ? RETURNING "
                + CLAIM_COLUMNS;
        resourcesWithStaleClaims = "SELECT DISTINCT resource_id FROM " + claims
                + " WHERE status = 'active' AND heartbeat_at < " + now + " - ? ORDER BY resource_id";
        activeOwner = "SELECT c.claim_id, c.resource_id, c.token, c.session_id, " + now + " - c.heartbeat_at AS age_ms, "
                + "s.host, s.terminal, s.working_directory FROM " + claims + " c "
                + "JOIN lb_sessions s ON s.session_id = c.session_id "
                + "WHERE c.resource_id = ? AND c.status = 'active' ORDER BY c.heartbeat_at DESC, c.claim_id LIMIT 1";
        release = "UPDATE " + claims + " SET status = 'released', ended_at = " + now
                + " WHERE claim_id = ? AND status = 'active' RETURNING " + CLAIM_COLUMNS;
        claimStatus = "SELECT status FROM " + claims + " WHERE claim_id = ?";
        activeClaimsOfResource = "SELECT " + CLAIM_COLUMNS + " FROM " + claims
                + " WHERE resource_id = ? AND status = 'active' ORDER BY claim_id";
        activeClaimsOfSession = "SELECT " + CLAIM_COLUMNS + " FROM " + claims
                + " WHERE session_id = ? AND status = 'active' ORDER BY resource_id";
        touchClaims = "UPDATE " + claims + " SET heartbeat_at = ? WHERE session_id = ? AND status = 'active'";
        sessionsView = "SELECT * FROM " + viewOf(claims) + " ORDER BY started_at, session_id";
        saveStaleAfter = "INSERT INTO " + SETTINGS + " (id, stale_after_ms) VALUES (1, ?) ON CONFLICT (id) "
                + "DO UPDATE SET stale_after_ms = excluded.stale_after_ms";
        readStaleAfter = "SELECT stale_after_ms FROM " + SETTINGS + " WHERE id = 1";
        activeClaimsOfSessionCount = "SELECT COUNT(*) FROM " + claims + " WHERE session_id = ? AND status = 'active'";
    }

    static String viewOf(String claims) {
        return claims.equals(CLAIMS) ? SESSIONS_VIEW : UNINDEXED_SESSIONS_VIEW;
    }

    private static String markWorkingOn(String session, String resource) {
        return "UPDATE lb_resources SET is_working_on = TRUE, active_session_id = " + session
                + " WHERE resource_id = " + resource;
    }

    private static String clearWorkingOn(String resource) {
        return "UPDATE lb_resources SET is_working_on = FALSE, active_session_id = NULL WHERE resource_id = " + resource;
    }

    /**
     * The sessions view: per session, the heartbeat that counts (its oldest active claim's, else
     * its own), ages and status by the database clock read once, against the stale threshold the
     * store recorded in {@value #SETTINGS} (5 min when none did). Plain SQL that PostgreSQL and
     * SQLite both read: integer division, {@code ||}, {@code CASE}.
     */
    private static String createSessionsView(String now, String claims) {
        String active = " FROM " + claims + " c WHERE c.session_id = s.session_id AND c.status = 'active'";
        String inner = "SELECT s.session_id, s.host, s.terminal, s.working_directory, s.started_at, s.ended_at, "
                + "k.now_ms, k.stale_after_ms, "
                + "(SELECT COUNT(*)" + active + ") AS active_claims, "
                + "COALESCE((SELECT MIN(c.heartbeat_at)" + active + "), s.heartbeat_at) AS beat_at, "
                + "(SELECT MIN(c.claimed_at)" + active + ") AS holding_since, "
                + "(SELECT c.ended_at - c.claimed_at FROM " + claims + " c WHERE c.session_id = s.session_id "
                + "AND c.status <> 'active' ORDER BY c.ended_at DESC, c.claim_id DESC LIMIT 1) AS last_claim_ms "
                + "FROM lb_sessions s CROSS JOIN (SELECT " + now + " AS now_ms, COALESCE((SELECT stale_after_ms FROM "
                + SETTINGS + " WHERE id = 1), " + ClaimStore.DEFAULT_STALE_AFTER.toMillis() + ") AS stale_after_ms) k";
        String age = "(v.now_ms - v.beat_at)";
        String duration = "(CASE WHEN v.active_claims > 0 THEN v.now_ms - v.holding_since ELSE v.last_claim_ms END)";
        return "CREATE VIEW " + viewOf(claims) + " AS "
                + "SELECT v.session_id, v.host, v.terminal, v.working_directory, v.started_at, v.ended_at, "
                + "v.active_claims, v.stale_after_ms, "
                + age + " AS heartbeat_age_ms, "
                + age + " / 1000 AS heartbeat_age_seconds, "
                + age + " / 60000 AS heartbeat_age_minutes, "
                + "CASE WHEN " + age + " < 60000 THEN (" + age + " / 1000) || 's ago' "
                + "WHEN " + age + " < 3600000 THEN (" + age + " / 60000) || 'm ago' "
                + "WHEN " + age + " < 86400000 THEN (" + age + " / 3600000) || 'h ago' "
                + "ELSE (" + age + " / 86400000) || 'd ago' END AS heartbeat_age_text, "
                + "CASE WHEN " + age + " >= v.stale_after_ms THEN 0 ELSE (v.stale_after_ms - " + age
                + ") / 1000 END AS seconds_until_stale, "
                + "CASE WHEN v.ended_at IS NOT NULL THEN 'released' WHEN v.active_claims = 0 THEN 'idle' "
                + "WHEN " + age + " > v.stale_after_ms THEN 'stale' ELSE 'active' END AS computed_status, "
                + duration + " AS claim_duration_ms, "
                + duration + " / 60000 AS claim_duration_minutes "
                + "FROM (" + inner + ") v";
    }

    /** Sessions, resources, the correct claims table and, where the backend uses it, the sync trigger. */
    static List<Migration> migrations(Dialect d) {
        return List.of(
                Migration.of(1, "sessions, resources with fencing tokens, claims with one active claim per resource",
                        "CREATE TABLE IF NOT EXISTS lb_sessions ("
                                + "session_id VARCHAR(100) PRIMARY KEY, "
                                + "host VARCHAR(255) NOT NULL, "
                                + "terminal VARCHAR(255) NOT NULL, "
                                + "working_directory VARCHAR(1000) NOT NULL, "
                                + "started_at BIGINT NOT NULL, "
                                + "heartbeat_at BIGINT NOT NULL, "
                                + "ended_at BIGINT)",
                        "CREATE TABLE IF NOT EXISTS lb_resources ("
                                + "resource_id VARCHAR(200) PRIMARY KEY, "
                                + "is_working_on BOOLEAN NOT NULL, "
                                + "active_session_id VARCHAR(100) REFERENCES lb_sessions (session_id), "
                                + "last_issued_token BIGINT NOT NULL, "
                                + "content TEXT, "
                                + "written_token BIGINT NOT NULL, "
                                + "updated_at BIGINT NOT NULL)",
                        claimsTable(d, CLAIMS),
                        // The rule itself: the database refuses a second active claim of a resource.
                        "CREATE UNIQUE INDEX IF NOT EXISTS lb_claims_one_active ON " + CLAIMS
                                + " (resource_id) WHERE status = 'active'",
                        "CREATE INDEX IF NOT EXISTS lb_claims_by_session ON " + CLAIMS + " (session_id, status)")
                        .withDown("DROP TABLE " + CLAIMS, "DROP TABLE lb_resources", "DROP TABLE lb_sessions"),
                Migration.of(2, resourceSyncedByTrigger(d.backend())
                                ? "trigger keeping lb_resources.is_working_on / active_session_id in step with claims"
                                : "nothing: the store keeps lb_resources in step with claims in the same transaction",
                        resourceSyncedByTrigger(d.backend())
                                ? new String[] {syncFunction(), syncTrigger(CLAIMS)}
                                : new String[0])
                        .withDown(resourceSyncedByTrigger(d.backend())
                                ? new String[] {"DROP TRIGGER " + SYNC_TRIGGER + " ON " + CLAIMS,
                                        "DROP FUNCTION lb_sync_resource_with_claim()"}
                                : new String[0]),
                Migration.of(3, "the stale threshold and the operators' sessions view " + SESSIONS_VIEW,
                        "CREATE TABLE IF NOT EXISTS " + SETTINGS + " (id INTEGER PRIMARY KEY CHECK (id = 1), "
                                + "stale_after_ms BIGINT NOT NULL)",
                        "DROP VIEW IF EXISTS " + SESSIONS_VIEW,
                        createSessionsView(d.nowMillis(), CLAIMS))
                        .withDown("DROP VIEW " + SESSIONS_VIEW, "DROP TABLE " + SETTINGS));
    }

    /** The check-then-insert twin's claims table: the same columns, no partial unique index. */
    static List<Migration> unindexedMigrations(Dialect d) {
        return List.of(
                Migration.of(1, "claims without the one-active-claim index (the check-then-insert twin)",
                        claimsTable(d, UNINDEXED_CLAIMS),
                        "CREATE INDEX IF NOT EXISTS lb_claims_unindexed_by_resource ON " + UNINDEXED_CLAIMS
                                + " (resource_id, status)",
                        "CREATE INDEX IF NOT EXISTS lb_claims_unindexed_by_session ON " + UNINDEXED_CLAIMS
                                + " (session_id, status)")
                        .withDown("DROP TABLE " + UNINDEXED_CLAIMS),
                Migration.of(2, resourceSyncedByTrigger(d.backend())
                                ? "the resource sync trigger on the twin's claims"
                                : "nothing: the store keeps lb_resources in step with claims in the same transaction",
                        resourceSyncedByTrigger(d.backend()) ? new String[] {syncTrigger(UNINDEXED_CLAIMS)} : new String[0])
                        .withDown(resourceSyncedByTrigger(d.backend())
                                ? new String[] {"DROP TRIGGER " + UNINDEXED_CLAIMS + "_sync_resource ON " + UNINDEXED_CLAIMS}
                                : new String[0]),
                Migration.of(3, "the sessions view over the twin's claims",
                        "DROP VIEW IF EXISTS " + UNINDEXED_SESSIONS_VIEW,
                        createSessionsView(d.nowMillis(), UNINDEXED_CLAIMS))
                        .withDown("DROP VIEW " + UNINDEXED_SESSIONS_VIEW));
    }

    private static String claimsTable(Dialect d, String name) {
        return "CREATE TABLE IF NOT EXISTS " + name + " ("
                + "claim_id " + d.autoIdColumn() + ", "
                + "resource_id VARCHAR(200) NOT NULL REFERENCES lb_resources (resource_id), "
                + "session_id VARCHAR(100) NOT NULL REFERENCES lb_sessions (session_id), "
                + "status VARCHAR(10) NOT NULL CHECK (status IN ('active', 'released', 'expired')), "
                + "token BIGINT NOT NULL, "
                + "claimed_at BIGINT NOT NULL, "
                + "heartbeat_at BIGINT NOT NULL, "
                + "ended_at BIGINT)";
    }

    /**
     * PostgreSQL: a claim becoming active marks its resource, an active claim ending clears it, in
     * the statement that changed the claim. Built from the same SQL as the same-transaction sync.
     */
    private static String syncFunction() {
        return "CREATE OR REPLACE FUNCTION lb_sync_resource_with_claim() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                + "BEGIN\n"
                + "  IF TG_OP = 'INSERT' THEN\n"
                + "    IF NEW.status = 'active' THEN\n"
                + "      " + markWorkingOn("NEW.session_id", "NEW.resource_id") + ";\n"
                + "    END IF;\n"
                + "  ELSIF OLD.status = 'active' AND NEW.status <> 'active' THEN\n"
                + "    " + clearWorkingOn("NEW.resource_id") + ";\n"
                + "  ELSIF OLD.status <> 'active' AND NEW.status = 'active' THEN\n"
                + "    " + markWorkingOn("NEW.session_id", "NEW.resource_id") + ";\n"
                + "  END IF;\n"
                + "  RETURN NULL;\n"
                + "END\n"
                + "$$";
    }

    private static String syncTrigger(String claims) {
        return "CREATE TRIGGER " + claims + "_sync_resource AFTER INSERT OR UPDATE OF status ON " + claims
                + " FOR EACH ROW EXECUTE FUNCTION lb_sync_resource_with_claim()";
    }
}
