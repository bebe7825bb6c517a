package io.lockbench.impl.agent;

import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Dialect;
import io.lockbench.impl.db.Migration;
import io.lockbench.impl.db.SchemaMigrator;
import java.util.List;

/**
 * All SQL of the agent-scoped-context strategy, its broken twin and the legacy migration, for any
 * dialect. The statements use only syntax both backends share (upsert with {@code ON CONFLICT},
 * {@code RETURNING}); what differs (the clock, row locks) comes from the {@link Dialect}.
 *
 * <p>Every lease decision is one SQL predicate evaluated with the database clock inside the
 * statement that acts on it, so no client clock and no read-then-decide gap is involved.
 */
final class AgentSql {

    static final String COMPONENT = "agent";

    /** The columns {@link AgentRows#session} maps, plus the database clock at the moment of reading. */
    final String sessionColumns;
    /** True while the agent holds a lease: not ended, and its last heartbeat is younger than its TTL. */
    final String leaseValid;

    final String start;
    final String heartbeat;
    final String end;
    final String expireLapsed;
    final String selectSession;

    final String selectProject;
    final String selectVersion;
    /** The compare-and-set: the row count says whether the version matched and the lease held. */
    final String compareAndSetProject;
    /** A row if the lease is held; locks the agent's row until the transaction ends. */
    final String lockHeldLease;

    /** Per-agent counter: hands out 1, 2, 3 … and row-locks the counter until the append commits. */
    final String nextLogSeq;
    final String insertLogEntry;
    final String selectLog;
    final String selectLatestLog;
    /** The broken twin's append: tagged with the global project, whichever agent chose it. */
    final String insertLogEntryUnderGlobalProject;
    final String selectLogBetween;

    /** Who changed what: one row per project change, with the lease that made it. */
    final String recordChange;
    final String selectChanges;

    /** The broken twin's state: one row for everyone. */
    final String selectGlobal;
    /** The broken twin's write: unconditional, whoever writes last wins. */
    final String overwriteGlobal;

    final String lockLegacyState;
    final String selectLegacyImport;
    final String importIntoAgent;
    final String recordLegacyImport;
    final String backupLegacyState;
    final String clearLegacyState;

    AgentSql(Dialect d) {
        String now = d.nowMillis();
        sessionColumns = "agent, project, version, state, lease_epoch, started_at, heartbeat_at, lease_ms, ended_at, "
                + now + " AS observed_at";
        leaseValid = "state = 'active' AND heartbeat_at + lease_ms > " + now;
        String leaseHeld = "agent = ? AND lease_epoch = ? AND " + leaseValid;

        // Creates the agent, or renews it if its lease ended or lapsed; an active lease is left alone
        // (no row returned). Project and version survive a renewal: versions never go back. Each
        // start is a new lease epoch, so a lease from an earlier start no longer matches.
        start = "INSERT INTO lb_agents (agent, project, version, state, lease_epoch, started_at, heartbeat_at, lease_ms, "
                + "ended_at) VALUES (?, NULL, 0, 'active', 1, " + now + ", " + now + ", ?, NULL) "
                + "ON CONFLICT (agent) DO UPDATE SET state = 'active', lease_epoch = lb_agents.lease_epoch + 1, "
                + "started_at = excluded.started_at, "
                + "heartbeat_at = excluded.heartbeat_at, lease_ms = excluded.lease_ms, ended_at = NULL "
                + "WHERE NOT (lb_agents.state = 'active' AND lb_agents.heartbeat_at + lb_agents.lease_ms > " + now + ") "
                + "RETURNING " + sessionColumns;
        heartbeat = "UPDATE lb_agents SET heartbeat_at = " + now + ", lease_ms = ? WHERE " + leaseHeld
                + " RETURNING " + sessionColumns;
        end = "UPDATE lb_agents SET state = 'ended', ended_at = " + now + " WHERE " + leaseHeld;
        expireLapsed = "UPDATE lb_agents SET state = 'expired', ended_at = " + now
                + " WHERE state = 'active' AND heartbeat_at + lease_ms <= " + now + " RETURNING agent";
        selectSession = "SELECT " + sessionColumns + " FROM lb_agents WHERE agent = ?";

        selectProject = "SELECT agent, project, version FROM lb_agents WHERE agent = ?";
        selectVersion = "SELECT version FROM lb_agents WHERE agent = ?";
        compareAndSetProject = "UPDATE lb_agents SET project = ?, version = version + 1 "
                + "WHERE " + leaseHeld + " AND version = ? RETURNING version";
        recordChange = "INSERT INTO lb_agent_project_changes (agent, version, previous_version, project, lease_epoch, "
                + "changed_at) VALUES (?, ?, ?, ?, ?, " + now + ")";
        selectChanges = "SELECT agent, version, previous_version, project, lease_epoch, changed_at "
                + "FROM lb_agent_project_changes WHERE agent = ? ORDER BY version";
        // Row-locks the agent until the append commits, so a new start cannot slip in between.
        lockHeldLease = "SELECT lease_epoch, project FROM lb_agents WHERE " + leaseHeld + d.forUpdate();

        nextLogSeq = "INSERT INTO lb_agent_log_seq (agent, last_seq) VALUES (?, 1) "
                + "ON CONFLICT (agent) DO UPDATE SET last_seq = lb_agent_log_seq.last_seq + 1 RETURNING last_seq";
        String logColumns = "agent, seq, entry, project, appended_at";
        insertLogEntry = "INSERT INTO lb_agent_log (agent, seq, entry, project, appended_at) VALUES (?, ?, ?, ?, "
                + now + ") RETURNING " + logColumns;
        insertLogEntryUnderGlobalProject = "INSERT INTO lb_agent_log (agent, seq, entry, project, appended_at) "
                + "VALUES (?, ?, ?, (SELECT project FROM lb_global_context WHERE id = 1), " + now + ") RETURNING "
                + logColumns;
        selectLog = "SELECT " + logColumns + " FROM lb_agent_log WHERE agent = ? ORDER BY seq";
        selectLatestLog = "SELECT " + logColumns + " FROM (SELECT " + logColumns
                + " FROM lb_agent_log WHERE agent = ? ORDER BY seq DESC LIMIT ?) latest ORDER BY seq";
        selectLogBetween = "SELECT " + logColumns + " FROM lb_agent_log "
                + "WHERE agent = ? AND appended_at >= ? AND appended_at < ? ORDER BY seq";

        selectGlobal = "SELECT project, version FROM lb_global_context WHERE id = 1";
        overwriteGlobal = "INSERT INTO lb_global_context (id, project, version, updated_at) VALUES (1, ?, 1, " + now + ") "
                + "ON CONFLICT (id) DO UPDATE SET project = excluded.project, "
                + "version = lb_global_context.version + 1, updated_at = excluded.updated_at RETURNING version";

        // Locking the legacy row serializes concurrent migrations (SQLite: BEGIN IMMEDIATE already does).
        lockLegacyState = selectGlobal + d.forUpdate();
        selectLegacyImport = "SELECT agent, project, legacy_version, imported_at FROM lb_agent_legacy_import WHERE id = 1";
        // The default agent gets the legacy project unless it already chose one; the imported agent
        // has no running session until someone starts it.
        importIntoAgent = "INSERT INTO lb_agents (agent, project, version, state, started_at, heartbeat_at, lease_ms, ended_at) "
                + "VALUES (?, ?, 1, 'ended', " + now + ", " + now + ", 0, " + now + ") "
                + "ON CONFLICT (agent) DO UPDATE SET project = excluded.project, version = lb_agents.version + 1 "
                + "WHERE lb_agents.project IS NULL RETURNING version";
        recordLegacyImport = "INSERT INTO lb_agent_legacy_import (id, agent, project, legacy_version, imported_at) "
                + "VALUES (1, ?, ?, ?, " + now + ")";
        backupLegacyState = "INSERT INTO lb_global_context_backup (id, project, version, updated_at, backed_up_at) "
                + "SELECT id, project, version, updated_at, " + now + " FROM lb_global_context WHERE id = 1";
        clearLegacyState = "DELETE FROM lb_global_context WHERE id = 1";
    }

    /** The SQL for {@code db}, after bringing its schema up to date (idempotent, cheap when current). */
    static AgentSql migrated(Database db) {
        SchemaMigrator.migrate(db, COMPONENT, migrations());
        return new AgentSql(db.dialect());
    }

    static List<Migration> migrations() {
        return List.of(
                Migration.of(1, "agent sessions with TTL leases and a versioned current project",
                        "CREATE TABLE IF NOT EXISTS lb_agents ("
                                + "agent VARCHAR(200) PRIMARY KEY, "
                                + "project VARCHAR(500), "
                                + "version BIGINT NOT NULL, "
                                + "state VARCHAR(10) NOT NULL CHECK (state IN ('active', 'ended', 'expired')), "
                                + "started_at BIGINT NOT NULL, "
                                + "heartbeat_at BIGINT NOT NULL, "
                                + "lease_ms BIGINT NOT NULL, "
                                + "ended_at BIGINT)"),
                Migration.of(2, "append-only per-agent log with a per-agent sequence counter",
                        "CREATE TABLE IF NOT EXISTS lb_agent_log_seq ("
                                + "agent VARCHAR(200) PRIMARY KEY, "
                                + "last_seq BIGINT NOT NULL)",
                        "CREATE TABLE IF NOT EXISTS lb_agent_log ("
                                + "agent VARCHAR(200) NOT NULL, "
                                + "seq BIGINT NOT NULL, "
                                + "entry TEXT NOT NULL, "
                                + "appended_at BIGINT NOT NULL, "
                                + "PRIMARY KEY (agent, seq))"),
                Migration.of(3, "legacy single global state (the broken twin's table) and its import record",
                        "CREATE TABLE IF NOT EXISTS lb_global_context ("
                                + "id INTEGER PRIMARY KEY CHECK (id = 1), "
                                + "project VARCHAR(500), "
                                + "version BIGINT NOT NULL, "
                                + "updated_at BIGINT NOT NULL)",
                        "CREATE TABLE IF NOT EXISTS lb_agent_legacy_import ("
                                + "id INTEGER PRIMARY KEY CHECK (id = 1), "
                                + "agent VARCHAR(200) NOT NULL, "
                                + "project VARCHAR(500) NOT NULL, "
                                + "legacy_version BIGINT NOT NULL, "
                                + "imported_at BIGINT NOT NULL)"),
                Migration.of(4, "lease epochs: each start is a new lease, and a stale one is refused",
                        "ALTER TABLE lb_agents ADD COLUMN lease_epoch BIGINT NOT NULL DEFAULT 0"),
                Migration.of(5, "who changed what: project changes with their lease, log entries with their project, "
                                + "log reads by time, and the legacy state's backup",
                        "CREATE TABLE IF NOT EXISTS lb_agent_project_changes ("
                                + "agent VARCHAR(200) NOT NULL, "
                                + "version BIGINT NOT NULL, "
                                + "previous_version BIGINT NOT NULL, "
                                + "project VARCHAR(500), "
                                + "lease_epoch BIGINT NOT NULL, "
                                + "changed_at BIGINT NOT NULL, "
                                + "PRIMARY KEY (agent, version))",
                        "ALTER TABLE lb_agent_log ADD COLUMN project VARCHAR(500)",
                        "CREATE INDEX IF NOT EXISTS lb_agent_log_by_time ON lb_agent_log (agent, appended_at)",
                        "CREATE TABLE IF NOT EXISTS lb_global_context_backup ("
                                + "id INTEGER PRIMARY KEY, "
                                + "project VARCHAR(500), "
                                + "version BIGINT NOT NULL, "
                                + "updated_at BIGINT NOT NULL, "
                                + "backed_up_at BIGINT NOT NULL)"));
    }
}
