package io.lockbench.servers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The requests that fail before any server is started or reached. */
class PostgresServersTest {

    @Test
    void anUnknownVersion_failsNamingTheChoices() {
        PostgresLookup lookup = PostgresServers.lookUp(new PostgresRequest(null, "LOCKBENCH_PG_URL", "9.6",
                "LOCKBENCH_PG_VERSION"));

        assertThat(lookup).isInstanceOf(PostgresLookup.Failed.class);
        assertThat(((PostgresLookup.Failed) lookup).reason())
                .startsWith("PostgreSQL '9.6' (LOCKBENCH_PG_VERSION=9.6) is not one lockbench can start")
                .contains("choose 15 (binaries");
    }

    @Test
    void anUnreachableServer_failsNamingTheUrlWithoutPasswordAndTheFix() {
        PostgresLookup lookup = PostgresServers.lookUp(new PostgresRequest(
                "jdbc:postgresql://127.0.0.1:1/x?user=me&password=s3cret&connectTimeout=2", "--pg-url", null,
                "--pg-version"));

        assertThat(lookup).isInstanceOf(PostgresLookup.Failed.class);
        assertThat(((PostgresLookup.Failed) lookup).reason())
                .startsWith("cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/x?user=me&password=***")
                .contains("(from --pg-url)")
                .contains("pg_isready")
                .doesNotContain("s3cret");
    }

    @Test
    void blankSettingsCountAsNotGiven() {
        PostgresRequest request = new PostgresRequest(" ", "LOCKBENCH_PG_URL", "", "LOCKBENCH_PG_VERSION");

        assertThat(request.url()).isNull();
        assertThat(request.version()).isNull();
    }
}
