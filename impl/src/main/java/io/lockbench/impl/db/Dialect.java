package io.lockbench.impl.db;

import com.zaxxer.hikari.HikariConfig;
import java.sql.SQLException;

/**
 * Everything that differs between backends, in one place per backend: error codes, how a
 * connection and a transaction start, the database clock, and the few SQL fragments whose
 * spelling differs. The strategies' SQL is written once against these fragments, so a new
 * backend is a new implementation of this interface.
 */
public interface Dialect {

    Backend backend();

    /** What this one exception (not its causes) means; {@link ErrorKind#OTHER} if nothing specific. */
    ErrorKind classify(SQLException e);

    /** How an explicit transaction starts, commits and rolls back on this backend. */
    TransactionControl transactions();

    /** Sets the driver properties every connection of the pool needs (pragmas, timeouts). */
    void configure(HikariConfig config, DatabaseConfig settings);

    /**
     * A SQL expression for the database clock, in milliseconds since the epoch. Every time-based
     * rule (heartbeat age, staleness, lease expiry) compares against this, never the client clock.
     */
    String nowMillis();

    /** Column definition of a surrogate key that the database numbers itself. */
    String autoIdColumn();

    /**
     * Suffix that row-locks what a SELECT read until the transaction ends, or "" where the whole
     * write transaction is already exclusive (SQLite with BEGIN IMMEDIATE).
     */
    String forUpdate();

    /**
     * A statement that serializes schema migrations across processes for the rest of the
     * transaction, or {@code null} if a write transaction already does (SQLite).
     */
    String migrationLock();

    /**
     * A query with one parameter, the object's name, that returns the definition of a {@code kind}
     * object of that name in the current schema (one row, its text: the index's {@code CREATE …}
     * with any {@code WHERE}), or no row when there is none.
     */
    String schemaObjectDefinition(SchemaObjectKind kind);
}
