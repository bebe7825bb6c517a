package io.lockbench.impl.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockbench.servers.PostgresLookup;
import io.lockbench.servers.PostgresServer;
import io.lockbench.servers.ServerSource;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** How a test run treats each outcome of looking for PostgreSQL: use it, skip with the reason, or fail. */
class PostgresDiscoveryTest {

    private static final PostgresLookup NO_BINARIES = new PostgresLookup.Unavailable(
            "no embedded PostgreSQL for FreeBSD/amd64: PostgreSQL's Maven binaries exist for linux-amd64; "
                    + "point lockbench at a server with LOCKBENCH_PG_URL=jdbc:postgresql://HOST:5432/DATABASE?user=USER");

    @Test
    void noServerHereAndNotRequired_skipsWithTheReason() {
        assertThatThrownBy(() -> DatabaseFixture.requireOrSkip(NO_BINARIES, false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageStartingWith("PostgreSQL tests skipped: no embedded PostgreSQL for FreeBSD/amd64");
    }

    @Test
    void noServerHereButRequired_failsSayingWhyAndHowToFixIt() {
        assertThatThrownBy(() -> DatabaseFixture.requireOrSkip(NO_BINARIES, true))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PostgreSQL is required (LOCKBENCH_REQUIRE_PG=1)")
                .hasMessageContaining("LOCKBENCH_PG_URL=");
    }

    @Test
    void aServerThatWasAskedForButCannotBeHad_failsEvenWhenNotRequired() {
        PostgresLookup unreachable = new PostgresLookup.Failed(
                "cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/x (from LOCKBENCH_PG_URL)");

        assertThatThrownBy(() -> DatabaseFixture.requireOrSkip(unreachable, false))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/x");
    }

    @Test
    void aFoundServer_isTheOneTheTestsUse() {
        PostgresServer embedded = new PostgresServer("jdbc:postgresql://localhost:5/postgres?user=postgres", "17.11",
                ServerSource.EMBEDDED, "binaries, port 5", "on", "on");

        assertThat(DatabaseFixture.requireOrSkip(new PostgresLookup.Found(embedded), true)).isSameAs(embedded);
    }
}
