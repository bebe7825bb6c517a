package io.lockbench.servers;

/** Where the PostgreSQL server came from: every report says so next to its version. */
public enum ServerSource {
    /** The user's own server, named by LOCKBENCH_PG_URL or --pg-url. */
    USER("your server"),
    /** A throwaway container started through Testcontainers. */
    CONTAINER("container"),
    /** A server lockbench started from the PostgreSQL binaries in the local Maven repository. */
    EMBEDDED("embedded");

    private final String displayName;

    ServerSource(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
