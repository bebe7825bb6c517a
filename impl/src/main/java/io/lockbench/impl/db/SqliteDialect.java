package io.lockbench.impl.db;

import com.zaxxer.hikari.HikariConfig;
import java.sql.SQLException;
import java.util.Locale;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * SQLite: WAL, a busy timeout, and {@code BEGIN IMMEDIATE} for every explicit transaction, so a
 * read-then-write transaction waits for the write lock up front instead of failing with
 * SQLITE_BUSY when it tries to upgrade (SQLite does not invoke the busy handler on an upgrade
 * that could deadlock). The transaction is issued as SQL on an autocommit connection, never through
 * the driver's {@code transaction_mode} (see {@link TransactionControl#statements}).
 */
final class SqliteDialect implements Dialect {

    @Override
    public Backend backend() {
        return Backend.SQLITE;
    }

    @Override
    public ErrorKind classify(SQLException e) {
        if (e instanceof SQLiteException) {
            SQLiteErrorCode code = ((SQLiteException) e).getResultCode();
            switch (code) {
                case SQLITE_CONSTRAINT_UNIQUE:
                case SQLITE_CONSTRAINT_PRIMARYKEY:
                    return ErrorKind.UNIQUE_VIOLATION;
                case SQLITE_BUSY_SNAPSHOT:
                    // The read snapshot is older than the latest commit: a write can never succeed
                    // in this transaction, exactly a serialization failure.
                    return ErrorKind.SERIALIZATION_FAILURE;
                case SQLITE_BUSY:
                case SQLITE_BUSY_RECOVERY:
                case SQLITE_BUSY_TIMEOUT:
                    return ErrorKind.BUSY;
                case SQLITE_LOCKED:
                case SQLITE_LOCKED_SHAREDCACHE:
                    return ErrorKind.LOCKED;
                default:
                    break;
            }
            // The extended codes above cover most cases; the primary code catches the rest.
            switch (e.getErrorCode()) {
                case 5:
                    return ErrorKind.BUSY;
                case 6:
                    return ErrorKind.LOCKED;
                default:
                    return ErrorKind.OTHER;
            }
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        // sqlite-jdbc's words for a connection closed under a running statement.
        if (message.contains("connection closed") || message.contains("database has been closed")
                || message.contains("stmt pointer is closed") || message.contains("statement is not executing")) {
            return ErrorKind.CONNECTION_LOST;
        }
        return ErrorKind.OTHER;
    }

    private static final TransactionControl IMMEDIATE = TransactionControl.statements("BEGIN IMMEDIATE");

    @Override
    public TransactionControl transactions() {
        return IMMEDIATE;
    }

    @Override
    public void configure(HikariConfig config, DatabaseConfig settings) {
        if (settings.readOnly()) {
            // SQLITE_OPEN_READONLY without SQLITE_OPEN_CREATE: nothing is written, not even the
            // journal mode, and a missing file is an error instead of a new, empty database.
            config.addDataSourceProperty("open_mode", "1");
            config.setReadOnly(true); // HikariCP sets it on every connection; sqlite-jdbc refuses a mismatch
        } else {
            config.addDataSourceProperty("journal_mode", "WAL");
        }
        config.addDataSourceProperty("synchronous", settings.sqliteSynchronous());
        config.addDataSourceProperty("busy_timeout", Long.toString(settings.sqliteBusyTimeout().toMillis()));
        config.addDataSourceProperty("foreign_keys", "true");
    }

    @Override
    public String nowMillis() {
        // unixepoch('subsec') has millisecond resolution (SQLite ≥ 3.42).
        return "CAST(unixepoch('subsec') * 1000 AS INTEGER)";
    }

    @Override
    public String autoIdColumn() {
        return "INTEGER PRIMARY KEY";
    }

    @Override
    public String forUpdate() {
        return "";
    }

    @Override
    public String migrationLock() {
        return null;
    }

    @Override
    public String schemaObjectDefinition(SchemaObjectKind kind) {
        return "SELECT COALESCE(sql, name) FROM sqlite_master WHERE type = '" + kind.word() + "' AND name = ?";
    }
}
