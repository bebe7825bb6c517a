package io.lockbench.impl.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Applies each component's migrations at most once, recording them in {@code lockbench_schema}.
 * Safe to call from every strategy's constructor and from many processes at once: migrations of
 * one database are serialized (an advisory lock on PostgreSQL, the write lock on SQLite).
 */
public final class SchemaMigrator {

    private SchemaMigrator() {
    }

    /** Brings {@code component} up to its newest migration; returns how many were applied now. */
    public static int migrate(Database db, String component, List<Migration> migrations) {
        return db.inTransaction(c -> {
            String lock = db.dialect().migrationLock();
            if (lock != null) {
                try (Statement s = c.createStatement()) {
                    s.execute(lock);
                }
            }
            Jdbc.update(c, "CREATE TABLE IF NOT EXISTS lockbench_schema ("
                    + "component VARCHAR(100) NOT NULL, version INTEGER NOT NULL, description VARCHAR(500) NOT NULL, "
                    + "applied_at BIGINT NOT NULL, PRIMARY KEY (component, version))");
            long current = Jdbc.queryLong(c,
                    "SELECT COALESCE(MAX(version), 0) FROM lockbench_schema WHERE component = ?", component);
            int applied = 0;
            for (Migration m : migrations) {
                if (m.version() > current) {
                    apply(c, m);
                    Jdbc.update(c, "INSERT INTO lockbench_schema (component, version, description, applied_at) "
                            + "VALUES (?, ?, ?, " + db.dialect().nowMillis() + ")", component, m.version(), m.description());
                    applied++;
                }
            }
            return applied;
        });
    }

    private static void apply(Connection c, Migration m) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : m.statements()) {
                s.execute(sql);
            }
        }
    }
}
