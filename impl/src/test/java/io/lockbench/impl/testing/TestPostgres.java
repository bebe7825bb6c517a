package io.lockbench.impl.testing;

import io.lockbench.servers.PostgresLookup;
import io.lockbench.servers.PostgresRequest;
import io.lockbench.servers.PostgresServers;

/**
 * The PostgreSQL server of this test run, found by lockbench-servers from {@code LOCKBENCH_PG_URL}
 * and {@code LOCKBENCH_PG_VERSION}: the user's server, a container, or an embedded server started
 * on first use. One per JVM, shared by every test (each test still gets its own schema).
 */
public final class TestPostgres {

    /** {@code LOCKBENCH_REQUIRE_PG=1}: no server is a failure instead of a skip (CI sets it). */
    public static final String REQUIRE_ENV = "LOCKBENCH_REQUIRE_PG";

    private TestPostgres() {
    }

    public static PostgresLookup lookup() {
        return PostgresServers.find(PostgresRequest.fromEnvironment());
    }

    public static boolean required() {
        String v = System.getenv(REQUIRE_ENV);
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
    }

    /** How the PostgreSQL cases are named in reports: "PostgreSQL 17.11 (embedded)". */
    public static String label() {
        return lookup() instanceof PostgresLookup.Found found ? found.server().label() : "PostgreSQL (no server)";
    }
}
