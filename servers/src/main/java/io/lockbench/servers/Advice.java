package io.lockbench.servers;

/** The one piece of advice every "no server" message ends with. */
final class Advice {

    /** How to point lockbench at a server of one's own instead. */
    static final String POINT_AT_A_SERVER = "point lockbench at a server with "
            + PostgresRequest.URL_ENV + "=jdbc:postgresql://HOST:5432/DATABASE?user=USER (or --pg-url)";

    private Advice() {
    }
}
