package io.lockbench.impl.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.DatabaseFixture;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sqlite.SQLiteConnection;

/**
 * Each kind of error a locking strategy must tell apart, provoked for real on each backend and
 * classified by the dialect. Where a backend has no such error (SQLite has no deadlock detector
 * and no NOWAIT), the same scenario is run and the backend's own answer is what is asserted.
 */
class ErrorClassificationIT {

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    private final List<Connection> open = new ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void closeConnections() throws SQLException {
        for (Connection c : open) {
            c.close();
        }
    }

    /** A plain connection (no pool, SQLite in default DEFERRED mode) to a fresh database with table t(1, 2). */
    private Connection[] twoSessions(Backend backend, long busyTimeoutMillis) throws SQLException {
        String url = databases.newUrl(backend);
        Connection a = connect(url, busyTimeoutMillis);
        Connection b = connect(url, busyTimeoutMillis);
        try (Statement s = a.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER NOT NULL)");
            s.execute("INSERT INTO t (id, v) VALUES (1, 0), (2, 0)");
        }
        return new Connection[] {a, b};
    }

    private Connection connect(String url, long busyTimeoutMillis) throws SQLException {
        Properties p = new Properties();
        if (url.startsWith("jdbc:sqlite:")) {
            p.setProperty("journal_mode", "WAL");
            p.setProperty("busy_timeout", Long.toString(busyTimeoutMillis));
        }
        Connection c = DriverManager.getConnection(url, p);
        open.add(c);
        return c;
    }

    private static ErrorKind kindOf(Backend backend, Throwable t) {
        assertThat(t).as("the scenario must fail").isNotNull();
        return ErrorKinds.classify(Dialects.of(backend), t);
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @BackendTest
    void insertingAnExistingKey_isAUniqueViolation(Backend backend) throws SQLException {
        Connection a = twoSessions(backend, 1000)[0];

        Throwable t = catchThrowable(() -> exec(a, "INSERT INTO t (id, v) VALUES (1, 9)"));

        assertThat(kindOf(backend, t)).isEqualTo(ErrorKind.UNIQUE_VIOLATION);
        assertThat(ErrorKind.UNIQUE_VIOLATION.isTransientConflict()).isTrue();
    }

    @BackendTest
    void writingAfterAConcurrentCommitInsideOneSnapshot_isASerializationFailure(Backend backend) throws SQLException {
        Connection[] s = twoSessions(backend, 1000);
        s[0].setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        s[0].setAutoCommit(false);
        exec(s[0], "SELECT v FROM t WHERE id = 1"); // the snapshot starts here
        exec(s[1], "UPDATE t SET v = 1 WHERE id = 1"); // another session commits

        Throwable t = catchThrowable(() -> exec(s[0], "UPDATE t SET v = 2 WHERE id = 1"));

        // PostgreSQL: 40001. SQLite: SQLITE_BUSY_SNAPSHOT, its name for the same thing.
        assertThat(kindOf(backend, t)).isEqualTo(ErrorKind.SERIALIZATION_FAILURE);
    }

    @BackendTest
    void twoSessionsLockingRowsInCrossedOrder_oneIsAbortedAsATransientConflict(Backend backend) throws Exception {
        Connection[] s = twoSessions(backend, 300);
        s[0].setAutoCommit(false);
        s[1].setAutoCommit(false);
        exec(s[0], "UPDATE t SET v = 1 WHERE id = 1");
        // On SQLite the second writer already waits here; on PostgreSQL it takes row 2.
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> {
            try {
                exec(s[1], "UPDATE t SET v = 1 WHERE id = 2");
                exec(s[1], "UPDATE t SET v = 1 WHERE id = 1");
            } catch (SQLException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        Thread.sleep(100);
        Throwable aFailure = catchThrowable(() -> exec(s[0], "UPDATE t SET v = 2 WHERE id = 2"));
        Throwable bFailure = catchThrowable(() -> b.get(10, TimeUnit.SECONDS));

        Throwable failure = aFailure != null ? aFailure : bFailure;
        ErrorKind expected = backend == Backend.POSTGRESQL ? ErrorKind.DEADLOCK : ErrorKind.BUSY;
        assertThat(kindOf(backend, failure)).isEqualTo(expected);
        assertThat(expected.isTransientConflict()).isTrue();
    }

    @BackendTest
    void aLockThatIsNotFreeInTime_isLockNotAvailableOrBusy(Backend backend) throws SQLException {
        Connection[] s = twoSessions(backend, 100);
        s[0].setAutoCommit(false);
        exec(s[0], "UPDATE t SET v = 1 WHERE id = 1");
        if (backend == Backend.POSTGRESQL) {
            exec(s[1], "SET lock_timeout = '100ms'");
        }

        Throwable t = catchThrowable(() -> exec(s[1], "UPDATE t SET v = 2 WHERE id = 1"));

        // SQLite has no row locks and no NOWAIT: its busy_timeout running out is SQLITE_BUSY.
        assertThat(kindOf(backend, t))
                .isEqualTo(backend == Backend.POSTGRESQL ? ErrorKind.LOCK_NOT_AVAILABLE : ErrorKind.BUSY);
    }

    @Test
    void droppingATableUnderAnOpenCursorOfTheSameSqliteConnection_isLocked() throws SQLException {
        Connection a = twoSessions(Backend.SQLITE, 100)[0];
        try (Statement reading = a.createStatement();
             java.sql.ResultSet rs = reading.executeQuery("SELECT id FROM t")) {
            rs.next(); // the statement is mid-step and holds the table

            Throwable t = catchThrowable(() -> exec(a, "DROP TABLE t"));

            assertThat(kindOf(Backend.SQLITE, t)).isEqualTo(ErrorKind.LOCKED);
            assertThat(ErrorKind.LOCKED.isTransientConflict()).isFalse();
        }
    }

    @Test
    void aTerminatedPostgresBackend_isAConnectionLost() throws SQLException {
        DatabaseFixture.assumePostgres();
        Connection[] s = twoSessions(Backend.POSTGRESQL, 0);
        long pid = pid(s[0]);
        terminate(s[1], pid);

        Throwable t = catchThrowable(() -> exec(s[0], "SELECT 1"));

        assertThat(kindOf(Backend.POSTGRESQL, t)).isEqualTo(ErrorKind.CONNECTION_LOST);
    }

    @Test
    void aSqliteConnectionClosedUnderItsUser_isAConnectionLost() throws SQLException {
        Connection a = twoSessions(Backend.SQLITE, 100)[0];
        a.unwrap(SQLiteConnection.class).getDatabase().close();

        Throwable t = catchThrowable(() -> exec(a, "SELECT 1"));

        assertThat(kindOf(Backend.SQLITE, t)).isEqualTo(ErrorKind.CONNECTION_LOST);
    }

    @BackendTest
    void connectionLostDuringCommit_isIndeterminateNotFailed(Backend backend) {
        Database db = databases.open(backend);
        db.withConnection(c -> Jdbc.update(c, "CREATE TABLE t (id INTEGER PRIMARY KEY)"));

        assertThatThrownBy(() -> db.inTransaction(c -> {
            Jdbc.update(c, "INSERT INTO t (id) VALUES (1)");
            if (backend == Backend.POSTGRESQL) {
                long pid = pid(c);
                db.withConnection(admin -> {
                    terminate(admin, pid);
                    return null;
                });
            } else {
                c.unwrap(SQLiteConnection.class).getDatabase().close(); // the process's handle dies
            }
            return null;
        }))
                .isInstanceOf(IndeterminateCommitException.class)
                .hasMessageContaining("may or may not have been applied")
                .satisfies(e -> assertThat(((DatabaseException) e).kind()).isEqualTo(ErrorKind.CONNECTION_LOST));
    }

    private static long pid(Connection c) throws SQLException {
        return Jdbc.queryLong(c, "SELECT pg_backend_pid()");
    }

    /** Kills the backend and waits (up to 5 s) until it is gone. */
    private static void terminate(Connection admin, long pid) throws SQLException {
        assertThat(Jdbc.queryOne(admin, "SELECT pg_terminate_backend(?, 5000)", rs -> rs.getBoolean(1), (int) pid))
                .contains(true);
    }
}
