package io.lockbench.stress.nemesis;

import io.lockbench.impl.db.Backend;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Another connection takes SQLite's write lock ({@code BEGIN IMMEDIATE}) and holds it until
 * healed, past the clients' busy_timeout when the hold is longer: what a migration, a repair or a
 * batch job in another process does. Clients' transactions fail with SQLITE_BUSY meanwhile; the
 * correct strategies must keep every guarantee afterwards.
 */
final class SqliteLockHolder implements Nemesis {

    private Connection holder;

    @Override
    public String name() {
        return "lock-holder";
    }

    @Override
    public Optional<String> unavailable(NemesisContext context) {
        return context.backend() == Backend.SQLITE ? Optional.empty()
                : Optional.of("lock-holder holds SQLite's database-wide write lock; on PostgreSQL use proxy-freeze "
                        + "or restart-server");
    }

    @Override
    public synchronized String start(NemesisContext context) throws SQLException {
        holder = DriverManager.getConnection("jdbc:sqlite:" + context.sqliteFile().toAbsolutePath());
        try (Statement s = holder.createStatement()) {
            s.execute("PRAGMA busy_timeout = 30000");
            s.execute("BEGIN IMMEDIATE");
        }
        return "holding the write lock";
    }

    @Override
    public synchronized String heal(NemesisContext context) throws SQLException {
        if (holder == null) {
            return "no lock held";
        }
        try (Statement s = holder.createStatement()) {
            s.execute("ROLLBACK");
        } finally {
            holder.close();
            holder = null;
        }
        return "released the write lock";
    }
}
