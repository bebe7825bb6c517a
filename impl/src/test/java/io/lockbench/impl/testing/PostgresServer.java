package io.lockbench.impl.testing;

import io.lockbench.impl.db.JdbcUrls;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Finds the PostgreSQL server the tests use, once per JVM, in the order DESIGN.md gives:
 * {@code LOCKBENCH_PG_URL} (any reachable server), then a Testcontainers container when a Docker
 * engine is available, otherwise none, with the reason.
 */
public final class PostgresServer {

    public static final String URL_ENV = "LOCKBENCH_PG_URL";
    public static final String REQUIRE_ENV = "LOCKBENCH_REQUIRE_PG";
    static final String IMAGE = "postgres:15-alpine";

    private static volatile PostgresServer instance;

    private final String url;      // null when unavailable
    private final String problem;  // why it is unavailable; null when available
    private final boolean misconfigured; // the user asked for a server we cannot reach

    PostgresServer(String url, String problem, boolean misconfigured) {
        this.url = url;
        this.problem = problem;
        this.misconfigured = misconfigured;
    }

    public static PostgresServer get() {
        PostgresServer s = instance;
        if (s == null) {
            synchronized (PostgresServer.class) {
                s = instance;
                if (s == null) {
                    s = locate();
                    instance = s;
                }
            }
        }
        return s;
    }

    /** True when {@code LOCKBENCH_REQUIRE_PG=1}: a missing server fails tests instead of skipping them. */
    public static boolean required() {
        String v = System.getenv(REQUIRE_ENV);
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
    }

    static PostgresServer locate() {
        String url = System.getenv(URL_ENV);
        if (url != null && !url.isBlank()) {
            try (Connection probe = DriverManager.getConnection(url)) {
                probe.isValid(1);
                return new PostgresServer(url, null, false);
            } catch (SQLException e) {
                return new PostgresServer(null, "cannot connect to PostgreSQL at " + JdbcUrls.redact(url)
                        + " (from " + URL_ENV + "): " + String.valueOf(e.getMessage()).replaceAll("\\.+$", "") + ". Check that the server is running "
                        + "(pg_isready -h HOST -p PORT; locally: pg_ctlcluster --skip-systemctl-redirect "
                        + "$(ls /etc/postgresql) main start) and that " + URL_ENV + " names a database and user "
                        + "that exist, e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres", true);
            }
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            String containerUrl = JdbcUrls.withParameter(
                    JdbcUrls.withParameter(container.getJdbcUrl(), "user", container.getUsername()),
                    "password", container.getPassword());
            return new PostgresServer(containerUrl, null, false);
        }
        return new PostgresServer(null, "PostgreSQL tests skipped: " + URL_ENV
                + " is not set and no Docker engine was found for Testcontainers. To run them, set "
                + URL_ENV + "=jdbc:postgresql://HOST:5432/DB?user=USER (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres)",
                false);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public boolean available() {
        return url != null;
    }

    /** The admin URL (may carry a password: never print it unredacted). */
    public String url() {
        if (url == null) {
            throw new IllegalStateException(problem);
        }
        return url;
    }

    /** Why there is no server, or {@code null}. */
    public String problem() {
        return problem;
    }

    /** The user configured a server that cannot be reached: always an error, never a skip. */
    public boolean misconfigured() {
        return misconfigured;
    }
}
