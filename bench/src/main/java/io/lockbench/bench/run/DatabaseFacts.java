package io.lockbench.bench.run;

import io.lockbench.bench.fixture.BenchSettings;
import io.lockbench.bench.fixture.Scratch;
import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.DatabaseConfig;
import io.lockbench.impl.db.JdbcUrls;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a backend was when the benchmarks ran: its version and the settings that decide write
 * speed (on SQLite the journal mode and synchronous level, which change the answer 50×; on
 * PostgreSQL fsync, synchronous_commit and the isolation level). Read before the run from a
 * scratch database opened exactly as the benchmarks open theirs; this also checks, up front,
 * that the backend is reachable.
 */
final class DatabaseFacts {

    private static final String[] POSTGRES_SETTINGS = {"server_version", "fsync", "synchronous_commit",
        "full_page_writes", "wal_sync_method", "default_transaction_isolation", "shared_buffers", "max_connections"};

    private DatabaseFacts() {
    }

    static Map<String, Object> probe(Backend backend) {
        try (Scratch scratch = Scratch.create(backend)) {
            DatabaseConfig config = BenchSettings.databaseConfig(scratch.url(), 1);
            try (Database db = Database.open(config)) {
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("backend", backend.displayName());
                facts.put("url", backend == Backend.POSTGRESQL ? JdbcUrls.redact(Scratch.postgresUrl())
                        + " (a schema lb_bench_<random> per trial)" : "a new file in the temporary directory per trial");
                facts.put("pool", "HikariCP, one connection per benchmark thread");
                db.withConnection(c -> {
                    if (backend == Backend.SQLITE) {
                        sqlite(c, facts, config);
                    } else {
                        for (String setting : POSTGRES_SETTINGS) {
                            facts.put(setting, one(c, "SHOW " + setting));
                        }
                    }
                    return null;
                });
                return facts;
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare a " + backend.displayName() + " database: " + e.getMessage(), e);
        }
    }

    private static void sqlite(Connection c, Map<String, Object> facts, DatabaseConfig config) throws SQLException {
        facts.put("version", one(c, "SELECT sqlite_version()"));
        facts.put("journal_mode", one(c, "PRAGMA journal_mode").toUpperCase(java.util.Locale.ROOT));
        facts.put("synchronous", synchronousName(one(c, "PRAGMA synchronous")));
        facts.put("busy_timeout_ms", Long.parseLong(one(c, "PRAGMA busy_timeout")));
        facts.put("transactions", "BEGIN IMMEDIATE ... COMMIT, issued by lockbench on an autocommit connection");
        facts.put("configured_synchronous", config.sqliteSynchronous());
    }

    /** PRAGMA synchronous answers a number. */
    private static String synchronousName(String level) {
        return switch (level) {
            case "0" -> "OFF";
            case "1" -> "NORMAL";
            case "2" -> "FULL";
            case "3" -> "EXTRA";
            default -> level;
        };
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }
}
