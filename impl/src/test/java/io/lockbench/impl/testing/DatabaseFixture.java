package io.lockbench.impl.testing;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.DatabaseConfig;
import io.lockbench.impl.db.JdbcUrls;
import io.lockbench.servers.PostgresLookup;
import io.lockbench.servers.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Gives each test its own empty database and removes it afterwards, so test classes can run in
 * parallel and leave nothing behind: a fresh schema on the PostgreSQL server, or a fresh SQLite
 * file (WAL, busy timeout) in a temporary directory.
 *
 * <pre>
 * &#64;RegisterExtension final DatabaseFixture databases = new DatabaseFixture();
 * &#64;BackendTest void somethingHolds(Backend backend) { Database db = databases.open(backend); … }
 * </pre>
 *
 * PostgreSQL is the run's shared server ({@link TestPostgres}): the user's, a container, or an
 * embedded one. Only where none can be had are the PostgreSQL cases skipped with the reason, or
 * failed when {@code LOCKBENCH_REQUIRE_PG=1}.
 */
public final class DatabaseFixture implements BeforeEachCallback, AfterEachCallback {

    private final Deque<AutoCloseable> cleanup = new ArrayDeque<>();
    private String testName = "test";

    @Override
    public void beforeEach(ExtensionContext context) {
        testName = context.getRequiredTestClass().getSimpleName();
    }

    /** A new empty database on {@code backend}, closed and removed after the test. */
    public Database open(Backend backend) {
        return open(backend, UnaryOperator.identity());
    }

    /** Same, with the pool configuration adjusted (pool size, busy timeout …). */
    public Database open(Backend backend, UnaryOperator<DatabaseConfig> configure) {
        String url = switch (backend) {
            case SQLITE -> newSqliteFile();
            case POSTGRESQL -> newPostgresSchema();
        };
        Database db = Database.open(configure.apply(DatabaseConfig.of(url)));
        cleanup.push(db);
        return db;
    }

    /** The JDBC URL of a new empty database on {@code backend}, removed after the test. */
    public String newUrl(Backend backend) {
        return switch (backend) {
            case SQLITE -> newSqliteFile();
            case POSTGRESQL -> newPostgresSchema();
        };
    }

    /**
     * The PostgreSQL server of this run; fails or skips (by {@code LOCKBENCH_REQUIRE_PG}) when
     * there is none.
     */
    public static PostgresServer assumePostgres() {
        return requireOrSkip(TestPostgres.lookup(), TestPostgres.required());
    }

    /** The rule itself: found → use it; failed or required → fail; else skip with the reason. */
    static PostgresServer requireOrSkip(PostgresLookup lookup, boolean required) {
        if (lookup instanceof PostgresLookup.Found found) {
            return found.server();
        }
        if (lookup instanceof PostgresLookup.Failed failed) {
            throw new AssertionError(failed.reason());
        }
        String reason = ((PostgresLookup.Unavailable) lookup).reason();
        if (required) {
            throw new AssertionError("PostgreSQL is required (" + TestPostgres.REQUIRE_ENV + "=1) but there is none: "
                    + reason);
        }
        throw new TestAbortedException("PostgreSQL tests skipped: " + reason);
    }

    private String newSqliteFile() {
        try {
            Path dir = Files.createTempDirectory("lockbench-" + testName + "-");
            cleanup.push(() -> deleteRecursively(dir));
            return "jdbc:sqlite:" + dir.resolve("lockbench.db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String newPostgresSchema() {
        String admin = assumePostgres().jdbcUrl();
        String schema = ("lb_" + testName + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong()))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (schema.length() > 63) {
            schema = schema.substring(schema.length() - 63);
        }
        execute(admin, "CREATE SCHEMA " + schema);
        String s = schema;
        cleanup.push(() -> execute(admin, "DROP SCHEMA IF EXISTS " + s + " CASCADE"));
        return JdbcUrls.withParameter(admin, "currentSchema", schema);
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + JdbcUrls.redact(url) + ": " + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Exception first = null;
        while (!cleanup.isEmpty()) {
            try {
                cleanup.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
