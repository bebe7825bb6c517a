package io.lockbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.testing.DatabaseFixture;
import io.lockbench.servers.PostgresServer;
import org.junit.jupiter.api.Test;

/** The command line finds PostgreSQL the way the tests do, and says in one line when it cannot. */
class PostgresCommandIT {

    @Test
    void withoutOptions_itDescribesTheServerThisRunUses() {
        PostgresServer server = DatabaseFixture.assumePostgres(); // same lookup: LOCKBENCH_PG_URL, container, embedded

        CommandRun run = CommandRun.of("postgres");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(server.description() + System.lineSeparator()
                + server.redactedUrl() + System.lineSeparator());
        assertThat(run.out()).startsWith("PostgreSQL " + server.version() + ", ").contains("fsync=", "synchronous_commit=");
    }

    @Test
    void aVersionLockbenchCannotStart_exitsTwoWithOneLineNamingTheChoicesAndTheAlternative() {
        CommandRun run = CommandRun.of("postgres", "--pg-version", "14");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("lockbench: PostgreSQL '14' (--pg-version=14) is not one lockbench can start")
                .contains("choose 15 (binaries 15.", "16 (binaries 16.", "17 (binaries 17.")
                .contains("--pg-url")
                .doesNotContain("\n", "Exception");
    }

    @Test
    void aServerOfAnotherVersionThanAskedFor_exitsTwoSayingWhichToLeaveOut() {
        PostgresServer server = DatabaseFixture.assumePostgres();
        String other = server.major() == 15 ? "16" : "15";

        CommandRun run = CommandRun.of("postgres", "--pg-url", server.jdbcUrl(), "--pg-version", other);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("lockbench: --pg-version=" + other + " asks for PostgreSQL " + other
                + " but --pg-url points at PostgreSQL " + server.version() + ": leave out --pg-version to use that "
                + "server, or --pg-url to have lockbench start PostgreSQL " + other);
    }

    @Test
    void anUnreachableServer_exitsTwoNamingTheUrlWithoutItsPassword() {
        CommandRun run = CommandRun.of("postgres", "--pg-url",
                "jdbc:postgresql://127.0.0.1:1/app?user=me&password=secret&connectTimeout=2");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("lockbench: cannot connect to PostgreSQL at "
                        + "jdbc:postgresql://127.0.0.1:1/app?user=me&password=***")
                .contains("(from --pg-url)")
                .doesNotContain("secret");
    }

    @Test
    void helpListsTheServerOptions() {
        CommandRun run = CommandRun.of("postgres", "--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("--pg-url=JDBC_URL", "--pg-version=15|16|17", "LOCKBENCH_PG_URL");
    }
}
