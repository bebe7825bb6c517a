package io.lockbench.impl.agent;

import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Jdbc;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the legacy single global state (the one-row {@code lb_global_context} that
 * {@link GlobalLastWriterWinsContext} writes) to a default agent, in one transaction. Idempotent:
 * the import is recorded, and a second run reports it and changes nothing. Concurrent runs are
 * serialized on the legacy row, so exactly one imports.
 *
 * <p>The legacy row is kept, so the old code can still read it during a rollout; writes it makes
 * after the import are not imported again.
 */
public final class LegacyStateMigration {

    public static final String DEFAULT_AGENT = "default";

    private static final Logger log = LoggerFactory.getLogger(LegacyStateMigration.class);

    private record LegacyState(String project, long version) {
    }

    private final Database db;
    private final AgentSql sql;

    public LegacyStateMigration(Database db) {
        this.db = db;
        this.sql = AgentSql.migrated(db);
    }

    public LegacyMigrationResult migrate() {
        return migrate(DEFAULT_AGENT);
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
            Jdbc.update(c, sql.recordLegacyImport, defaultAgent, project, legacy.get().version());
            return new LegacyMigrationResult.Imported(defaultAgent, project, version.get());
        });
        log.info("legacy global state on {}: {}", db, result.summary());
        return result;
    }
}
