package io.lockbench.stress.runner;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.DatabaseConfig;
import io.lockbench.impl.db.JdbcUrls;
import io.lockbench.stress.nemesis.TcpProxy;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database a run works on, made fresh for it: a SQLite file in the run directory, or a new
 * schema on the PostgreSQL server (dropped afterwards unless kept). Gives the clients their URL
 * (through the fault proxy when the run has one) with the run's application name and timeouts, so
 * a client blocked by a fault gives up instead of hanging.
 */
final class TargetDatabase implements AutoCloseable {

    private static final Pattern PG_HOST_PORT = Pattern.compile("^jdbc:postgresql://([^/:?,]+)(?::(\\d+))?/");

    private final Backend backend;
    private final String serverUrl;
    private final String adminUrl;
    private final String clientUrl;
    private final String schema;
    private final Path sqliteFile;
    private final String applicationName;
    private final boolean keepSchema;
    private final TcpProxy proxy;
    private final Database admin;

    private TargetDatabase(Backend backend, String serverUrl, String adminUrl, String clientUrl, String schema, Path sqliteFile,
                           String applicationName, boolean keepSchema, TcpProxy proxy) {
        this.backend = backend;
        this.serverUrl = serverUrl;
        this.adminUrl = adminUrl;
        this.clientUrl = clientUrl;
        this.schema = schema;
        this.sqliteFile = sqliteFile;
        this.applicationName = applicationName;
        this.keepSchema = keepSchema;
        this.proxy = proxy;
        this.admin = Database.open(DatabaseConfig.of(adminUrl).withMaxPoolSize(2));
    }

    /** A SQLite file {@code db.sqlite} in the run directory. */
    static TargetDatabase sqlite(Path runDirectory) {
        Path file = runDirectory.resolve("db.sqlite").toAbsolutePath();
        String url = "jdbc:sqlite:" + file;
        return new TargetDatabase(Backend.SQLITE, url, url, url, null, file, null, false, null);
    }

    /**
     * A new schema on the server at {@code serverUrl}; clients connect through a new proxy when
     * {@code withProxy}.
     */
    static TargetDatabase postgres(String serverUrl, String runId, boolean withProxy, Duration opTimeout,
                                   boolean keepSchema) throws IOException {
        String schema = ("lb_run_" + runId + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (schema.length() > 63) {
            schema = schema.substring(schema.length() - 63);
        }
        execute(serverUrl, "CREATE SCHEMA " + schema);
        String applicationName = "lockbench-" + schema;
        String inSchema = JdbcUrls.withParameter(serverUrl, "currentSchema", schema);
        String adminUrl = JdbcUrls.withParameter(inSchema, "ApplicationName", "lockbench-admin");
        String clientUrl = JdbcUrls.withParameter(inSchema, "ApplicationName", applicationName);
        long seconds = Math.max(1, opTimeout.toSeconds());
        clientUrl = JdbcUrls.withParameter(clientUrl, "socketTimeout", Long.toString(seconds));
        clientUrl = JdbcUrls.withParameter(clientUrl, "connectTimeout", Long.toString(seconds));
        clientUrl = JdbcUrls.withParameter(clientUrl, "loginTimeout", Long.toString(seconds));
        TcpProxy proxy = null;
        if (withProxy) {
            Matcher m = PG_HOST_PORT.matcher(serverUrl);
            if (!m.find()) {
                throw new IllegalArgumentException("cannot put a proxy in front of " + JdbcUrls.redact(serverUrl)
                        + ": expected jdbc:postgresql://HOST[:PORT]/DATABASE with a single host");
            }
            int port = m.group(2) == null ? 5432 : Integer.parseInt(m.group(2));
            proxy = new TcpProxy(m.group(1), port);
            clientUrl = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + clientUrl.substring(m.end());
        }
        return new TargetDatabase(Backend.POSTGRESQL, serverUrl, adminUrl, clientUrl, schema, null, applicationName, keepSchema,
                proxy);
    }

    Backend backend() {
        return backend;
    }

    /** What the clients connect to. */
    String clientUrl() {
        return clientUrl;
    }

    /** A small pool that bypasses the proxy. */
    Database admin() {
        return admin;
    }

    /**
     * A pool for one client process: at most two connections, opened on demand; on SQLite with
     * {@code busyTimeout} (the default when null).
     */
    Database openClientPool(Duration opTimeout, Duration busyTimeout) {
        DatabaseConfig config = DatabaseConfig.of(clientUrl).withMaxPoolSize(2)
                .withConnectionTimeout(opTimeout.compareTo(Duration.ofMillis(250)) < 0 ? Duration.ofMillis(250) : opTimeout);
        if (busyTimeout != null) {
            config = config.withSqliteBusyTimeout(busyTimeout);
        }
        return Database.open(config);
    }

    String applicationName() {
        return applicationName;
    }

    TcpProxy proxy() {
        return proxy;
    }

    Path sqliteFile() {
        return sqliteFile;
    }

    String schema() {
        return schema;
    }

    /** The server's own description of itself: {@code PostgreSQL 15.19 …} or {@code SQLite 3.49.1}. */
    String serverVersion() {
        try {
            return admin.withConnection(c -> {
                try (Statement s = c.createStatement();
                     var rs = s.executeQuery(backend == Backend.SQLITE ? "SELECT sqlite_version()"
                             : "SHOW server_version")) {
                    rs.next();
                    return backend.displayName() + " " + rs.getString(1);
                }
            });
        } catch (RuntimeException e) {
            return backend.displayName() + " (version unknown: " + e.getMessage() + ")";
        }
    }

    /** The URL the run reports, without password. */
    String describe() {
        return JdbcUrls.redact(serverUrl) + (schema == null ? "" : " (schema " + schema + ")");
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + JdbcUrls.redact(url) + ": "
                    + e.getMessage() + ". Check that the server is running and that the user may create schemas.", e);
        }
    }

    @Override
    public void close() {
        if (proxy != null) {
            proxy.close();
        }
        admin.close();
        if (schema != null && !keepSchema) {
            try {
                execute(serverUrl, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (IllegalStateException e) {
                // the server may be down after a fault; the schema stays, named in the results
            }
        }
    }
}
