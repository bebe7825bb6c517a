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
            long current = lockAndReadVersion(db, c, component);
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

    /**
     * Undoes every applied migration of {@code component}, newest first, in one transaction, and
     * forgets them in {@code lockbench_schema}; returns how many were undone. Refuses, changing
     * nothing, when an applied migration has no down statements.
     */
    public static int rollback(Database db, String component, List<Migration> migrations) {
        return db.inTransaction(c -> {
            long current = lockAndReadVersion(db, c, component);
            List<Migration> applied = migrations.stream().filter(m -> m.version() <= current)
                    .sorted(java.util.Comparator.comparingInt(Migration::version).reversed()).toList();
            for (Migration m : applied) {
                if (m.down().isEmpty() && !m.statements().isEmpty()) {
                    throw new IllegalStateException("migration " + m.version() + " of " + component
                            + " (" + m.description() + ") has no down-migration: nothing was undone");
                }
            }
            for (Migration m : applied) {
                try (Statement s = c.createStatement()) {
                    for (String sql : m.down()) {
                        s.execute(sql);
                    }
                }
                Jdbc.update(c, "DELETE FROM lockbench_schema WHERE component = ? AND version = ?", component, m.version());
            }
            return applied.size();
        });
    }

    /** The definition of a {@code kind} object named {@code name} in the current schema, if there is one. */
    public static java.util.Optional<String> definition(Database db, SchemaObjectKind kind, String name) {
        return db.withConnection(c -> Jdbc.queryOne(c, db.dialect().schemaObjectDefinition(kind),
                rs -> rs.getString(1), name));
    }

    /** Serializes migrations of the database, then reads the component's applied version. */
    private static long lockAndReadVersion(Database db, Connection c, String component) throws SQLException {
        String lock = db.dialect().migrationLock();
        if (lock != null) {
            try (Statement s = c.createStatement()) {
                s.execute(lock);
            }
        }
        Jdbc.update(c, "CREATE TABLE IF NOT EXISTS lockbench_schema ("
                + "component VARCHAR(100) NOT NULL, version INTEGER NOT NULL, description VARCHAR(500) NOT NULL, "
                + "applied_at BIGINT NOT NULL, PRIMARY KEY (component, version))");
        return Jdbc.queryLong(c, "SELECT COALESCE(MAX(version), 0) FROM lockbench_schema WHERE component = ?", component);
    }

    private static void apply(Connection c, Migration m) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : m.statements()) {
                s.execute(sql);
            }
        }
    }
}
