package io.lockbench.impl.db;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach a database and how the pool behaves. Defaults are constants so a report can say
 * what was measured. Validated on construction; a bad value names the property and its range.
 *
 * @param jdbcUrl           {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://HOST:PORT/DB?user=…}
 * @param maxPoolSize       connections in the pool (1–1000)
 * @param connectionTimeout how long to wait for a connection from the pool or the server
 * @param sqliteBusyTimeout SQLite only: how long a writer waits for the lock before SQLITE_BUSY
 * @param sqliteSynchronous SQLite only: {@code NORMAL} (default, durable across process crashes
 *                          in WAL mode) or {@code FULL} (also across power loss, about 10× slower)
 * @param readOnly          open for reading only: nothing is written (a SQLite file stays
 *                          byte-identical, even its journal mode), a read-only file can be read,
 *                          and a SQLite file that does not exist is an error, never a new database
 */
public record DatabaseConfig(String jdbcUrl, int maxPoolSize, Duration connectionTimeout,
                             Duration sqliteBusyTimeout, String sqliteSynchronous, boolean readOnly) {

    public static final int DEFAULT_MAX_POOL_SIZE = 20;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_SQLITE_BUSY_TIMEOUT = Duration.ofSeconds(5);
    public static final String DEFAULT_SQLITE_SYNCHRONOUS = "NORMAL";

    public DatabaseConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Backend.ofUrl(jdbcUrl); // rejects unsupported URLs with a clear message
        if (maxPoolSize < 1 || maxPoolSize > 1000) {
            throw new IllegalArgumentException("maxPoolSize must be between 1 and 1000, was " + maxPoolSize);
        }
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connectionTimeout must be at least 250 ms, was " + connectionTimeout);
        }
        if (sqliteBusyTimeout.isNegative()) {
            throw new IllegalArgumentException("sqliteBusyTimeout must not be negative, was " + sqliteBusyTimeout);
        }
        if (!sqliteSynchronous.equals("NORMAL") && !sqliteSynchronous.equals("FULL")
                && !sqliteSynchronous.equals("OFF")) {
            throw new IllegalArgumentException("sqliteSynchronous must be one of OFF, NORMAL, FULL, was "
                    + sqliteSynchronous);
        }
    }

    /** Read-write, as before {@code readOnly} existed. */
    public DatabaseConfig(String jdbcUrl, int maxPoolSize, Duration connectionTimeout, Duration sqliteBusyTimeout,
                          String sqliteSynchronous) {
        this(jdbcUrl, maxPoolSize, connectionTimeout, sqliteBusyTimeout, sqliteSynchronous, false);
    }

    public static DatabaseConfig of(String jdbcUrl) {
        return new DatabaseConfig(jdbcUrl, DEFAULT_MAX_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT,
                DEFAULT_SQLITE_BUSY_TIMEOUT, DEFAULT_SQLITE_SYNCHRONOUS);
    }

    public Backend backend() {
        return Backend.ofUrl(jdbcUrl);
    }

    public DatabaseConfig withMaxPoolSize(int size) {
        return new DatabaseConfig(jdbcUrl, size, connectionTimeout, sqliteBusyTimeout, sqliteSynchronous, readOnly);
    }

    public DatabaseConfig withConnectionTimeout(Duration timeout) {
        return new DatabaseConfig(jdbcUrl, maxPoolSize, timeout, sqliteBusyTimeout, sqliteSynchronous, readOnly);
    }

    public DatabaseConfig withSqliteBusyTimeout(Duration timeout) {
        return new DatabaseConfig(jdbcUrl, maxPoolSize, connectionTimeout, timeout, sqliteSynchronous, readOnly);
    }

    public DatabaseConfig withSqliteSynchronous(String synchronous) {
        return new DatabaseConfig(jdbcUrl, maxPoolSize, connectionTimeout, sqliteBusyTimeout, synchronous, readOnly);
    }

    public DatabaseConfig withReadOnly(boolean only) {
        return new DatabaseConfig(jdbcUrl, maxPoolSize, connectionTimeout, sqliteBusyTimeout, sqliteSynchronous, only);
    }
}
