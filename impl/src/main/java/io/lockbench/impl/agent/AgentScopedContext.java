package io.lockbench.impl.agent;

import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Agent-scoped context, done right: each agent has its own row, and its project changes only by
 * {@code UPDATE … SET project = ?, version = version + 1 WHERE agent = ? AND lease_epoch = ? AND
 * <lease valid> AND version = ?}. One statement decides, with the database clock, whether the
 * caller's lease is still the agent's running one and its read still current; agents never touch
 * each other's row.
 *
 * <p>When the update matches no row, the row is read to say why: unknown agent, lease expired or
 * replaced by a later start (checked first: a stale lease is rejected even when the version
 * matches) or version conflict, each carrying the current version.
 */
public final class AgentScopedContext implements AgentContext {

    private final Database db;
    private final AgentSql sql;

    public AgentScopedContext(Database db) {
        this.db = db;
        this.sql = AgentSql.migrated(db);
    }

    @Override
    public Optional<ProjectSelection> currentProject(String agent) {
        return db.withConnection(c -> Jdbc.queryOne(c, sql.selectProject,
                rs -> new ProjectSelection(rs.getString("agent"), rs.getString("project"), rs.getLong("version")),
                agent));
    }

    /**
     * Every change of the agent's project, oldest first: the version it made, the lease that made
     * it and when (database clock). Changes made before this record existed are not in it.
     */
    public List<ProjectChange> changes(String agent) {
        return db.withConnection(c -> Jdbc.queryList(c, sql.selectChanges, rs -> new ProjectChange(
                rs.getString("agent"), rs.getLong("version"), rs.getLong("previous_version"), rs.getString("project"),
                rs.getLong("lease_epoch"), rs.getLong("changed_at")), agent));
    }

    /** {@inheritDoc} The change is recorded with the lease that made it, in the same transaction. */
    @Override
    public ProjectUpdate setProject(Lease lease, long expectedVersion, String project) {
        return db.inTransaction(c -> {
            while (true) {
                Optional<Long> written = Jdbc.queryOne(c, sql.compareAndSetProject, rs -> rs.getLong(1),
                        project, lease.agent(), lease.epoch(), expectedVersion);
                if (written.isPresent()) {
                    Jdbc.update(c, sql.recordChange, lease.agent(), written.get(), expectedVersion, project, lease.epoch());
                    return new ProjectUpdate.Updated(written.get());
                }
                Optional<ProjectUpdate> rejection = whyNotWritten(c, lease, expectedVersion);
                if (rejection.isPresent()) {
                    return rejection.get();
                }
                // The row now allows the write, so its lease was renewed between our two
                // statements (READ COMMITTED): the rejection would be unjustified, try again.
            }
        });
    }

    private Optional<ProjectUpdate> whyNotWritten(Connection c, Lease lease, long expectedVersion)
            throws SQLException {
        Optional<LeaseRefusal> refusal = LeaseCheck.refusal(c, sql, lease);
        if (refusal.isPresent()) {
            return Optional.of(refusal.get());
        }
        long current = Jdbc.queryLong(c, sql.selectVersion, lease.agent());
        return current != expectedVersion ? Optional.of(new ProjectUpdate.VersionConflict(current)) : Optional.empty();
    }
}
