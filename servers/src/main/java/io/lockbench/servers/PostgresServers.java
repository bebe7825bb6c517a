package io.lockbench.servers;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the PostgreSQL server lockbench uses, in one order for the tests and the command line:
 * the user's ({@value PostgresRequest#URL_ENV} or {@code --pg-url}), else a Testcontainers
 * container when a Docker engine is there, else an embedded server started from the Maven
 * binaries, else none, with the reason (only where the platform has no binaries).
 *
 * <p>One lookup per request per JVM: every test and command in it shares the server found, and
 * an embedded one is started once, on first use, and stopped when the JVM exits.
 */
public final class PostgresServers {

    private static final Map<PostgresRequest, PostgresLookup> SHARED = new ConcurrentHashMap<>();

    private PostgresServers() {
    }

    /** The server for {@code request}, found (or started) on the first call and shared afterwards. */
    public static PostgresLookup find(PostgresRequest request) {
        return SHARED.computeIfAbsent(request, PostgresServers::lookUp);
    }

    static PostgresLookup lookUp(PostgresRequest request) {
        PostgresVersion version;
        try {
            version = request.versionOrNewest();
        } catch (IllegalArgumentException e) {
            return new PostgresLookup.Failed(e.getMessage());
        }
        if (request.url() != null) {
            return usersServer(request);
        }
        Optional<PostgresServer> container = ContainerPostgres.startIfDockerIsThere(version);
        if (container.isPresent()) {
            return new PostgresLookup.Found(container.get());
        }
        return EmbeddedPostgresServer.start(version);
    }

    private static PostgresLookup usersServer(PostgresRequest request) {
        String url = request.url();
        PostgresServer server;
        try {
            server = ServerProbe.describe(url, ServerSource.USER, request.urlOrigin());
        } catch (SQLException e) {
            return new PostgresLookup.Failed("cannot connect to PostgreSQL at " + JdbcUrlRedaction.redact(url)
                    + " (from " + request.urlOrigin() + "): " + String.valueOf(e.getMessage()).replaceAll("\\.+$", "")
                    + ". Check that the server is running (pg_isready -h HOST -p PORT; locally: pg_ctlcluster "
                    + "--skip-systemctl-redirect $(ls /etc/postgresql) main start) and that " + request.urlOrigin()
                    + " names a database and user that exist, e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        }
        if (request.version() != null && !request.version().equals(Integer.toString(server.major()))) {
            return new PostgresLookup.Failed(request.versionOrigin() + "=" + request.version() + " asks for PostgreSQL "
                    + request.version() + " but " + request.urlOrigin() + " points at PostgreSQL " + server.version()
                    + ": leave out " + request.versionOrigin() + " to use that server, or " + request.urlOrigin()
                    + " to have lockbench start PostgreSQL " + request.version());
        }
        return new PostgresLookup.Found(server);
    }
}
