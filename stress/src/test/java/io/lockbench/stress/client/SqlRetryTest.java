package io.lockbench.stress.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Dialects;
import io.lockbench.impl.db.IndeterminateCommitException;
import io.lockbench.stress.scenario.RetrySpec;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

class SqlRetryTest {

    private static SqlRetry on(String... names) {
        return new SqlRetry(new RetrySpec(List.of(names), 3, Duration.ofMillis(4), Duration.ofMillis(10)));
    }

    @Test
    void anErrorKind_matchesWhateverTheBackendsCode() {
        assertThat(on("SERIALIZATION_FAILURE").retries(new SQLException("x", "40001"), Dialects.of(Backend.POSTGRESQL)))
                .isTrue();
        assertThat(on("SERIALIZATION_FAILURE").retries(new SQLiteException("x", SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT),
                Dialects.of(Backend.SQLITE))).isTrue();
        assertThat(on("DEADLOCK").retries(new SQLException("x", "40001"), Dialects.of(Backend.POSTGRESQL))).isFalse();
    }

    @Test
    void aSqlstate_matchesExactly_alsoDeepInTheCauses() {
        SQLException deadlock = new SQLException("x", "40P01");
        assertThat(on("40P01").retries(new RuntimeException("wrapped", deadlock), Dialects.of(Backend.POSTGRESQL))).isTrue();
        assertThat(on("40P02").retries(deadlock, Dialects.of(Backend.POSTGRESQL))).isFalse();
    }

    @Test
    void aPrimarySqliteCode_matchesItsExtendedCodes_butNotTheOtherWayRound() {
        SQLiteException snapshot = new SQLiteException("x", SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT);
        SQLiteException busy = new SQLiteException("x", SQLiteErrorCode.SQLITE_BUSY);
        assertThat(on("SQLITE_BUSY").retries(snapshot, Dialects.of(Backend.SQLITE))).isTrue();
        assertThat(on("SQLITE_BUSY_SNAPSHOT").retries(busy, Dialects.of(Backend.SQLITE))).isFalse();
    }

    @Test
    void anUnknownCommit_isNeverRetried() {
        SQLException lost = new SQLException("x", "08006");
        assertThat(on("CONNECTION_LOST", "08006").retries(new IndeterminateCommitException("commit lost", lost),
                Dialects.of(Backend.POSTGRESQL))).isFalse();
    }

    @Test
    void backoffDoublesWithFullJitter_upToTheMaximum() {
        SqlRetry retry = on("BUSY");
        for (int i = 0; i < 200; i++) {
            assertThat(retry.backoff(2)).isBetween(Duration.ZERO, Duration.ofMillis(4));
            assertThat(retry.backoff(3)).isBetween(Duration.ZERO, Duration.ofMillis(8));
            assertThat(retry.backoff(9)).isBetween(Duration.ZERO, Duration.ofMillis(10));
        }
    }

    @Test
    void retryListEntries_areCheckedWithAReason() {
        assertThat(SqlRetry.problem("BUSY")).isNull();
        assertThat(SqlRetry.problem("40001")).isNull();
        assertThat(SqlRetry.problem("SQLITE_BUSY_SNAPSHOT")).isNull();
        assertThat(SqlRetry.problem("SQLITE_NOPE")).startsWith("unknown SQLite result code 'SQLITE_NOPE'");
        assertThat(SqlRetry.problem("busy")).startsWith("'busy' is none of");
    }
}
