package io.lockbench.impl.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.claims.ClaimResult;
import io.lockbench.impl.claims.PessimisticClaimStore;
import io.lockbench.impl.claims.Session;
import io.lockbench.impl.claims.SessionInfo;
import io.lockbench.impl.optimistic.OptimisticStore;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.DatabaseFixture;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sqlite.SQLiteConnection;

/**
 * Writes that run as one autocommit statement (no explicit transaction) and lose their
 * connection: the statement may have committed before the answer was lost, so the caller gets an
 * {@link IndeterminateCommitException} (a history records {@code info}), as for a lost COMMIT.
 *
 * <p>PostgreSQL: the write waits for a table lock held by another session, and its backend is
 * terminated meanwhile ({@code pg_terminate_backend}, as the kill-connections nemesis does).
 * SQLite has no server: the client's connection is closed under it (as the nemesis does there)
 * right before the write runs on it.
 */
class AutocommitWriteLostConnectionIT {

    private static final String APP = "lockbench-lost-autocommit";

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    @BackendTest
    void anOptimisticCompareAndSet_thatLosesItsConnection_isIndeterminate(Backend backend) throws Exception {
        String url = databases.newUrl(backend);
        try (Database db = client(backend, url)) {
            OptimisticStore store = new OptimisticStore(db);
            long version = store.create("k", "v0").version();

            Throwable lost = LostConnection.during(backend, db, url, "lb_records",
                    () -> store.compareAndSet("k", version, "v1"));

            assertIndeterminate(lost);
            assertThat(store.compareAndSet("k", store.read("k").orElseThrow().version(), "v2"))
                    .as("the pool recovers").isPresent();
        }
    }

    @BackendTest
    void aFencedWrite_thatLosesItsConnection_isIndeterminate(Backend backend) throws Exception {
        String url = databases.newUrl(backend);
        try (Database db = client(backend, url)) {
            PessimisticClaimStore store = new PessimisticClaimStore(db);
            Session me = store.startSession(SessionInfo.ofThisProcess());
            long token = ((ClaimResult.Granted) store.claim("report", me.id())).claim().token();

            Throwable lost = LostConnection.during(backend, db, url, "lb_resources",
                    () -> store.fencedWrite("report", token, "content"));

            assertIndeterminate(lost);
        }
    }

    @BackendTest
    void startingASession_thatLosesItsConnection_isIndeterminate(Backend backend) throws Exception {
        String url = databases.newUrl(backend);
        try (Database db = client(backend, url)) {
            PessimisticClaimStore store = new PessimisticClaimStore(db);

            Throwable lost = LostConnection.during(backend, db, url, "lb_sessions",
                    () -> store.startSession(SessionInfo.ofThisProcess()));

            assertIndeterminate(lost);
        }
    }

    @BackendTest
    void aFailureThatIsNotALostConnection_staysAPlainClassifiedFailure(Backend backend) throws Exception {
        try (Database db = client(backend, databases.newUrl(backend))) {
            db.autocommitWrite(c -> Jdbc.update(c, "CREATE TABLE t (id INTEGER PRIMARY KEY)"));
            db.autocommitWrite(c -> Jdbc.update(c, "INSERT INTO t (id) VALUES (1)"));

            Throwable duplicate = org.assertj.core.api.Assertions.catchThrowable(
                    () -> db.autocommitWrite(c -> Jdbc.update(c, "INSERT INTO t (id) VALUES (1)")));

            assertThat(duplicate).isExactlyInstanceOf(DatabaseException.class);
            assertThat(((DatabaseException) duplicate).kind()).isEqualTo(ErrorKind.UNIQUE_VIOLATION);
        }
    }

    /** One pooled connection, named so that the server can find it. */
    private static Database client(Backend backend, String url) {
        String named = backend == Backend.POSTGRESQL ? JdbcUrls.withParameter(url, "ApplicationName", APP) : url;
        return Database.open(DatabaseConfig.of(named).withMaxPoolSize(1));
    }

    private static void assertIndeterminate(Throwable lost) {
        assertThat(lost).as("the write's outcome").isInstanceOf(IndeterminateCommitException.class)
                .hasMessageContaining("may or may not have been applied");
        assertThat(((DatabaseException) lost).kind()).isEqualTo(ErrorKind.CONNECTION_LOST);
    }

    /** Makes the client's connection die under a write, and returns what the write threw (null if nothing). */
    private static final class LostConnection {

        static Throwable during(Backend backend, Database db, String url, String table, Supplier<?> write)
                throws Exception {
            return backend == Backend.POSTGRESQL ? terminatedWhileWaiting(url, table, write) : closedUnder(db, write);
        }

        private static Throwable terminatedWhileWaiting(String url, String table, Supplier<?> write) throws Exception {
            try (Connection holder = DriverManager.getConnection(url); Statement s = holder.createStatement()) {
                holder.setAutoCommit(false);
                s.execute("LOCK TABLE " + table + " IN EXCLUSIVE MODE");
                CompletableFuture<Object> writing = CompletableFuture.supplyAsync(write::get);
                long pid = waitingBackend(holder);
                assertThat(Jdbc.queryOne(holder, "SELECT pg_terminate_backend(?, 5000)", rs -> rs.getBoolean(1),
                        (int) pid)).contains(true);
                holder.rollback();
                return outcome(writing);
            }
        }

        /** The client's backend once it waits for the lock; fails after 10 s. */
        private static long waitingBackend(Connection admin) throws Exception {
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < giveUp) {
                var pid = Jdbc.queryOne(admin, "SELECT pid FROM pg_stat_activity WHERE application_name = ? "
                        + "AND wait_event_type = 'Lock'", rs -> rs.getLong(1), APP);
                if (pid.isPresent()) {
                    return pid.get();
                }
                Thread.sleep(20);
            }
            throw new AssertionError("the write never waited for the lock on the table");
        }

        private static Throwable outcome(CompletableFuture<Object> writing) throws Exception {
            try {
                writing.get(30, TimeUnit.SECONDS);
                return null;
            } catch (ExecutionException | CompletionException e) {
                return e.getCause();
            }
        }

        /**
         * The pool's only connection is closed under it; the write borrows it straight away
         * (the pool checks a connection only after 500 ms idle, so it hands it out as it is).
         */
        private static Throwable closedUnder(Database db, Supplier<?> write) {
            db.withConnection(c -> {
                c.unwrap(SQLiteConnection.class).getDatabase().close();
                return null;
            });
            try {
                write.get();
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        }
    }
}
