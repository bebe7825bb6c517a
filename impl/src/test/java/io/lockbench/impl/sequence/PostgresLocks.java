package io.lockbench.impl.sequence;

import io.lockbench.impl.db.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/** Orders two PostgreSQL sessions by their locks: wait until one session waits on the other. */
final class PostgresLocks {

    private PostgresLocks() {
    }

    static int backendPid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Returns once some session waits on a lock held by {@code pid}; fails after 30 s. */
    static void awaitBlockedBehind(Database db, int pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (db.withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT COUNT(*) FROM pg_stat_activity WHERE " + pid + " = ANY(pg_blocking_pids(pid))")) {
                rs.next();
                return rs.getInt(1);
            }
        }) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no session ever waited for session " + pid);
            }
            Thread.sleep(10);
        }
    }
}
