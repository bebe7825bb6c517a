package io.lockbench.servers;

/** The outcome of looking for a PostgreSQL server: one, none here, or a request that cannot be met. */
public sealed interface PostgresLookup {

    /** A server to use. */
    record Found(PostgresServer server) implements PostgresLookup {
    }

    /**
     * None can be had on this machine (no binaries for the platform, no server given): tests skip
     * with this reason unless a server is required.
     */
    record Unavailable(String reason) implements PostgresLookup {
    }

    /**
     * The user asked for something that cannot be given (an unreachable URL, an unknown version),
     * or the embedded server failed to start: always an error, never a skip.
     */
    record Failed(String reason) implements PostgresLookup {
    }
}
