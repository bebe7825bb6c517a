package io.lockbench.impl.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * A pooled connection to one database and its dialect: the only way strategies reach a database.
 * Transactions go through {@link #inTransaction}, which classifies every failure once and turns a
 * connection lost during COMMIT into an {@link IndeterminateCommitException}; single-statement
 * writes go through {@link #autocommitWrite}, which does the same for a connection lost under them.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final String redactedUrl;
    /** Connections handed out now, so {@link #abortConnections()} can close them under their user. */
    private final Set<Connection> inUse = ConcurrentHashMap.newKeySet();

    private Database(HikariDataSource pool, Dialect dialect, String redactedUrl) {
        this.pool = pool;
        this.dialect = dialect;
        this.redactedUrl = redactedUrl;
    }

    /** Opens a pool and checks that the database answers; fails with a message that says how to fix it. */
    public static Database open(DatabaseConfig config) {
        Dialect dialect = Dialects.of(config.backend());
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setMaximumPoolSize(config.maxPoolSize());
        // Idle connections count against the server's max_connections (100 by default on
        // PostgreSQL), shared by every test and tool: keep few, open more on demand.
        hikari.setMinimumIdle(Math.min(2, config.maxPoolSize()));
        hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
        hikari.setPoolName("lockbench-" + config.backend().name().toLowerCase(java.util.Locale.ROOT));
        hikari.setInitializationFailTimeout(1); // try once at start, fail fast with the cause
        dialect.configure(hikari, config);
        String redacted = JdbcUrls.redact(config.jdbcUrl());
        Path file = JdbcUrls.sqliteFile(config.jdbcUrl());
        if (config.readOnly() && file != null && !Files.exists(file)) {
            throw new DatabaseUnavailableException("no such database file: " + file + " (" + redacted
                    + "); check the path: a command that only reads never creates a database", null);
        }
        try {
            return new Database(new HikariDataSource(hikari), dialect, redacted);
        } catch (HikariPool.PoolInitializationException e) {
            throw unreachable(config, redacted, e.getCause() != null ? e.getCause() : e);
        } catch (RuntimeException e) {
            // e.g. "Failed to get driver instance for jdbcUrl=…" for an invalid port: HikariCP
            // quotes the URL, password included, so neither its message nor it goes further.
            throw unreachable(config, redacted, e);
        }
    }

    public static Database open(String jdbcUrl) {
        return open(DatabaseConfig.of(jdbcUrl));
    }

    /** A SQLite database in the given file (created if missing), WAL mode. */
    public static Database sqlite(Path file) {
        return open("jdbc:sqlite:" + file.toAbsolutePath());
    }

    private static DatabaseUnavailableException unreachable(DatabaseConfig config, String url, Throwable cause) {
        Backend backend = config.backend();
        String reason = cause.getMessage() == null ? "no reason given"
                : cause.getMessage().startsWith("Failed to get driver instance")
                ? "the driver does not accept this URL (check the host, a port from 1 to 65535 and the database name)"
                : JdbcUrls.redactIn(cause.getMessage(), config.jdbcUrl()).replaceAll("\\.+$", ""); // the fix follows
        String fix = backend == Backend.POSTGRESQL
                ? "Check that the server is running and accepts TCP connections at that host and port "
                        + "(pg_isready -h HOST -p PORT), that the database and user exist, and that "
                        + "LOCKBENCH_PG_URL is right. A local Debian server starts with: "
                        + "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"
                : "Check that the directory exists and is writable.";
        // The cause is kept only when its own message cannot carry the password.
        boolean quotesSecret = cause.getMessage() != null
                && !cause.getMessage().equals(JdbcUrls.redactIn(cause.getMessage(), config.jdbcUrl()));
        return new DatabaseUnavailableException(
                "cannot connect to " + backend.displayName() + " at " + url + ": " + reason + ". " + fix,
                quotesSecret ? null : cause);
    }

    public Dialect dialect() {
        return dialect;
    }

    public Backend backend() {
        return dialect.backend();
    }

    /** The URL with any password removed: safe for logs and reports. */
    public String url() {
        return redactedUrl;
    }

    /** The pool, for code that needs a plain {@link DataSource}. */
    public DataSource dataSource() {
        return pool;
    }

    /** Runs {@code work} on a pooled connection in autocommit mode. */
    public <T> T withConnection(SqlWork<T> work) {
        try (Connection c = borrow()) {
            try {
                return work.run(c);
            } finally {
                inUse.remove(c);
            }
        } catch (SQLException e) {
            throw classify(e, "statement failed");
        }
    }

    /**
     * Runs a write {@code work} on a pooled connection in autocommit mode, where the statement is
     * its own transaction. A connection lost meanwhile leaves the outcome unknown, as a lost COMMIT
     * does: the statement may have committed before the answer was lost, so this throws an
     * {@link IndeterminateCommitException} (and evicts the connection), never a plain failure.
     */
    public <T> T autocommitWrite(SqlWork<T> work) {
        return withConnection(c -> {
            try {
                return work.run(c);
            } catch (SQLException e) {
                if (ErrorKinds.classify(dialect, e) != ErrorKind.CONNECTION_LOST) {
                    throw e;
                }
                pool.evictConnection(c); // while still ours: closed when returned, never reused
                throw new IndeterminateCommitException("connection lost during an autocommit write on "
                        + redactedUrl + ": the write may or may not have been applied (" + e.getMessage() + ")", e);
            }
        });
    }

    private Connection borrow() throws SQLException {
        Connection c = pool.getConnection();
        inUse.add(c);
        return c;
    }

    /**
     * Closes every connection of the pool at once, including those in use, as a crash of the
     * connection would: a transaction in progress is lost, and its user sees a closed connection
     * (a COMMIT in progress ends indeterminate). The pool opens new connections on demand. Used to
     * inject faults; returns how many connections were in use.
     */
    public int abortConnections() {
        int aborted = 0;
        for (Connection c : inUse) {
            pool.evictConnection(c);
            aborted++;
        }
        if (pool.getHikariPoolMXBean() != null) {
            pool.getHikariPoolMXBean().softEvictConnections();
        }
        return aborted;
    }

    /**
     * Runs {@code work} in one transaction and commits it; rolls back on any exception. A
     * {@link SQLException} from the work is rethrown as a classified {@link DatabaseException}.
     * When COMMIT fails and the outcome cannot be known (the connection was lost, or the
     * transaction ended without a commit being confirmed), an {@link IndeterminateCommitException}:
     * such a write may or may not have happened, and must not be retried blindly. A connection on
     * which BEGIN, COMMIT or ROLLBACK threw is evicted from the pool, never reused.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        return inTransaction(dialect.transactions(), work);
    }

    /**
     * {@link #inTransaction(SqlWork)} with a transaction started another way than the dialect's
     * (another isolation level, SQLite's {@code BEGIN DEFERRED}): for running a team's SQL as it
     * would run in their application. Failures are classified and COMMIT handled the same way.
     */
    public <T> T inTransaction(TransactionControl tx, SqlWork<T> work) {
        try (Connection c = borrow()) {
            try {
                return runTransaction(c, tx, work);
            } finally {
                inUse.remove(c);
            }
        } catch (SQLException e) {
            throw classify(e, "could not get a connection");
        }
    }

    private <T> T runTransaction(Connection c, TransactionControl tx, SqlWork<T> work) {
        try {
            tx.begin(c);
        } catch (SQLException e) {
            pool.evictConnection(c);
            throw classify(e, "could not begin a transaction");
        }
        T result;
        try {
            result = work.run(c);
        } catch (SQLException | RuntimeException e) {
            rollbackOrEvict(c, e);
            throw e instanceof SQLException ? classify((SQLException) e, "transaction failed") : (RuntimeException) e;
        }
        commit(c, tx);
        return result;
    }

    private void commit(Connection c, TransactionControl tx) {
        try {
            tx.commit(c);
        } catch (SQLException e) {
            ErrorKind kind = ErrorKinds.classify(dialect, e);
            boolean rolledBack = kind != ErrorKind.CONNECTION_LOST && rollbackOrEvict(c, e);
            boolean notApplied = kind != ErrorKind.CONNECTION_LOST
                    && (rolledBack || !tx.failedCommitNeedsRollbackToProveNotApplied());
            if (notApplied) {
                throw classify(e, "commit failed");
            }
            pool.evictConnection(c);
            String what = kind == ErrorKind.CONNECTION_LOST ? "connection lost during COMMIT"
                    : "COMMIT failed and the transaction had ended";
            throw new IndeterminateCommitException(what + " on " + redactedUrl
                    + ": the transaction may or may not have been applied (" + e.getMessage() + ")", e);
        }
    }

    /** Rolls back; true if that worked. A connection whose rollback threw is evicted from the pool. */
    private boolean rollbackOrEvict(Connection c, Exception cause) {
        try {
            if (!c.isClosed()) {
                dialect.transactions().rollback(c);
                return true;
            }
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
            pool.evictConnection(c);
        }
        return false;
    }

    /** The database clock, in milliseconds since the epoch. */
    public long nowMillis() {
        return withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + dialect.nowMillis())) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Classifies an exception from this database. */
    public DatabaseException classify(SQLException e, String what) {
        ErrorKind kind = ErrorKinds.classify(dialect, e);
        return new DatabaseException(kind, what + " on " + redactedUrl + " [" + kind + "]: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return backend().displayName() + " " + redactedUrl;
    }
}
