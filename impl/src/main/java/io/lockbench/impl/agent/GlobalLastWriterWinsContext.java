package io.lockbench.impl.agent;

import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Jdbc;
import java.util.Optional;

/**
 * BROKEN on purpose: the single global "current project" that agent-scoped context replaces. Every
 * agent reads and overwrites the same row, ignoring which agent asks and which version it expects.
 * Expected anomalies: agents overwrite each other's selection (an agent reads back a project
 * another agent chose), and a writer with a stale version is accepted, silently replacing a newer
 * selection (lost update). Its log appends are tagged with the global project, so an agent's
 * entries land under the project another agent chose.
 *
 * <p>Unlike other twins it needs no think time: the anomaly does not depend on a race, two agents
 * taking turns are enough. Its table is the legacy state that {@link LegacyStateMigration} imports.
 */
public final class GlobalLastWriterWinsContext implements AgentContext {

    private final Database db;
    private final AgentSql sql;

    public GlobalLastWriterWinsContext(Database db) {
        this.db = db;
        this.sql = AgentSql.migrated(db);
    }

    /** The global project, reported as {@code agent}'s, whoever set it; empty before the first write. */
    @Override
    public Optional<ProjectSelection> currentProject(String agent) {
        return db.withConnection(c -> Jdbc.queryOne(c, sql.selectGlobal,
                rs -> new ProjectSelection(agent, rs.getString("project"), rs.getLong("version"))));
    }

    /**
     * Appends to {@code agent}'s log, tagged with the global project: whoever chose it last, so the
     * entry lands under another agent's project as soon as two agents take turns. No lease is
     * asked for, as the legacy code had none.
     */
    public LogEntry append(String agent, String entry) {
        return db.inTransaction(c -> {
            long seq = Jdbc.queryLong(c, sql.nextLogSeq, agent);
            return Jdbc.queryOne(c, sql.insertLogEntryUnderGlobalProject, AgentLog::map, agent, seq, entry).orElseThrow();
        });
    }

    /**
     * Overwrites the global project: always "succeeds", whatever the agent, its lease (stale or not)
     * and {@code expectedVersion}.
     */
    @Override
    public ProjectUpdate setProject(Lease lease, long expectedVersion, String project) {
        return new ProjectUpdate.Updated(db.autocommitWrite(c -> Jdbc.queryLong(c, sql.overwriteGlobal, project)));
    }
}
