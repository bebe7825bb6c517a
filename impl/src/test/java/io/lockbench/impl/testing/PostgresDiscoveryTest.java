package io.lockbench.impl.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** How a test run treats a missing PostgreSQL: skip with the reason, or fail when it is required. */
class PostgresDiscoveryTest {

    private static final PostgresServer NONE = new PostgresServer(null,
            "PostgreSQL tests skipped: LOCKBENCH_PG_URL is not set and no Docker engine was found", false);

    @Test
    void noServerAndNotRequired_skipsWithTheReason() {
        assertThatThrownBy(() -> DatabaseFixture.requireOrSkip(NONE, false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("LOCKBENCH_PG_URL is not set");
    }

    @Test
    void noServerButRequired_failsSayingHowToFixIt() {
        assertThatThrownBy(() -> DatabaseFixture.requireOrSkip(NONE, true))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PostgreSQL is required")
                .hasMessageContaining("LOCKBENCH_PG_URL")
                .hasMessageContaining("LOCKBENCH_REQUIRE_PG=1");
    }

    @Test
    void aConfiguredServerThatCannotBeReached_failsEvenWhenNotRequired() {
        PostgresServer unreachable = new PostgresServer(null,
                "cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/x (from LOCKBENCH_PG_URL)", true);

        assertThatThrownBy(() -> DatabaseFixture.requireOrSkip(unreachable, false))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/x");
    }

    @Test
    void anAvailableServer_letsTheTestRun() {
        PostgresServer up = new PostgresServer("jdbc:postgresql://127.0.0.1:5432/test", null, false);

        assertThatCode(() -> DatabaseFixture.requireOrSkip(up, true)).doesNotThrowAnyException();
    }
}
