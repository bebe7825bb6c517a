package io.lockbench.impl.agent;

import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Jdbc;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the legacy single global state (the one-row {@code lb_global_context} that
 * {@link GlobalLastWriterWinsContext} writes) to a target agent ({@value #DEFAULT_AGENT} unless
 * configured), in one transaction: the agent gets the project, the legacy row is copied to
 * {@code lb_global_context_backup} and then cleared, and the import is recorded for audit in
 * {@code lb_agent_legacy_import} and in the agent's project changes (lease epoch 0).
 *
 * <p>Meant to run at every start-up of every instance: it is idempotent (a second run reports
 * the recorded import and changes nothing) and concurrent runs are serialized on the legacy row,
 * so exactly one imports. Writes the old code makes after the import are not imported again.
 */
public final class LegacyStateMigration {

    public static final String DEFAULT_AGENT = "default";

    private static final Logger log = LoggerFactory.getLogger(LegacyStateMigration.class);

    private record LegacyState(String project, long version) {
    }

    private final Database db;
    private final AgentSql sql;
    private final String targetAgent;

    /** Imports into {@value #DEFAULT_AGENT}. */
    public LegacyStateMigration(Database db) {
        this(db, DEFAULT_AGENT);
    }

    /** Imports into {@code targetAgent}. */
    public LegacyStateMigration(Database db, String targetAgent) {
        if (targetAgent == null || targetAgent.isBlank()) {
            throw new IllegalArgumentException("the target agent of the legacy migration must be named, was '"
                    + targetAgent + "'");
        }
        this.db = db;
        this.sql = AgentSql.migrated(db);
        this.targetAgent = targetAgent;
    }

    public String targetAgent() {
        return targetAgent;
    }

    /** Gives the legacy global project to the target agent, unless already done. */
    public LegacyMigrationResult migrate() {
        return migrate(targetAgent);
    }

    /** Gives the legacy global project to {@code defaultAgent}, unless already done. */
    public LegacyMigrationResult migrate(String defaultAgent) {
        LegacyMigrationResult result = db.inTransaction(c -> {
            Optional<LegacyState> legacy = Jdbc.queryOne(c, sql.lockLegacyState,
                    rs -> new LegacyState(rs.getString("project"), rs.getLong("version")));
            Optional<LegacyMigrationResult> earlier = Jdbc.queryOne(c, sql.selectLegacyImport,
                    rs -> new LegacyMigrationResult.AlreadyImported(rs.getString("agent"), rs.getString("project"),
                            rs.getLong("imported_at")));
            if (earlier.isPresent()) {
                return earlier.get();
            }
            if (legacy.isEmpty() || legacy.get().project() == null) {
                return new LegacyMigrationResult.NothingToImport();
            }
            String project = legacy.get().project();
            Optional<Long> version = Jdbc.queryOne(c, sql.importIntoAgent, rs -> rs.getLong(1), defaultAgent, project);
            if (version.isEmpty()) {
                String own = Jdbc.queryOne(c, sql.selectProject, rs -> rs.getString("project"), defaultAgent).orElseThrow();
                return new LegacyMigrationResult.DefaultAgentHasProject(defaultAgent, own, project);
            }
            Jdbc.update(c, sql.recordChange, defaultAgent, version.get(), version.get() - 1, project,
                    ProjectChange.LEGACY_MIGRATION);
            Jdbc.update(c, sql.backupLegacyState);
            Jdbc.update(c, sql.clearLegacyState);
            Jdbc.update(c, sql.recordLegacyImport, defaultAgent, project, legacy.get().version());
            return new LegacyMigrationResult.Imported(defaultAgent, project, version.get());
        });
        log.info("legacy global state on {}: {}", db, result.summary());
        return result;
    }
}
