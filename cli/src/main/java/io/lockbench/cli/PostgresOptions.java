package io.lockbench.cli;

import io.lockbench.servers.PostgresLookup;
import io.lockbench.servers.PostgresRequest;
import io.lockbench.servers.PostgresServer;
import io.lockbench.servers.PostgresServers;
import picocli.CommandLine.Option;

/**
 * Which PostgreSQL server a command runs on, for every command that needs one
 * ({@code @Mixin PostgresOptions postgres;} then {@link #server()}): {@code --pg-url} or
 * LOCKBENCH_PG_URL, else a container when a Docker engine is there, else an embedded server of
 * {@code --pg-version}, started once per run and stopped when it ends.
 */
final class PostgresOptions {

    @Option(names = "--pg-url", paramLabel = "JDBC_URL",
            description = "PostgreSQL server to use (default: $LOCKBENCH_PG_URL). Without one, lockbench starts a "
                    + "container when a Docker engine is there, else an embedded server.")
    String url;

    @Option(names = "--pg-version", paramLabel = "15|16|17",
            description = "PostgreSQL major version to start when no server is given (default: "
                    + "$LOCKBENCH_PG_VERSION, else the newest); with a server, the version it must have.")
    String version;

    PostgresRequest request() {
        return PostgresRequest.fromOptions(url, version);
    }

    /** The server; none is an error whose message is the one line saying why and what to do. */
    PostgresServer server() {
        PostgresLookup lookup = PostgresServers.find(request());
        if (lookup instanceof PostgresLookup.Found found) {
            return found.server();
        }
        throw new IllegalStateException(lookup instanceof PostgresLookup.Failed failed ? failed.reason()
                : ((PostgresLookup.Unavailable) lookup).reason());
    }
}
