package io.lockbench.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresVersionTest {

    @Test
    void lockbenchStarts15_16And17_eachFromItsOwnRelease() {
        assertThat(PostgresVersion.supported()).extracting(PostgresVersion::major).containsExactly(15, 16, 17);
        assertThat(PostgresVersion.supported()).allSatisfy(v -> assertThat(v.binaries()).startsWith(v.major() + "."));
    }

    @Test
    void theDefaultIsTheNewestMajor() {
        assertThat(PostgresVersion.newest().major()).isEqualTo(17);
    }

    @Test
    void aMajorVersionParses() {
        assertThat(PostgresVersion.parse(" 16 ", "LOCKBENCH_PG_VERSION").major()).isEqualTo(16);
    }

    @Test
    void anUnknownVersion_isOneLineNamingTheChoicesAndHowToUseAnotherServer() {
        assertThatThrownBy(() -> PostgresVersion.parse("14", "--pg-version 14"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("PostgreSQL '14' (--pg-version 14) is not one lockbench can start")
                .hasMessageContaining("choose 15 (binaries 15.")
                .hasMessageContaining(" or 17 (binaries 17.")
                .hasMessageContaining("LOCKBENCH_PG_URL=jdbc:postgresql://HOST:5432/DATABASE?user=USER (or --pg-url)")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aMinorVersionIsNotAChoice_theMajorIs() {
        assertThatThrownBy(() -> PostgresVersion.parse("17.2", "LOCKBENCH_PG_VERSION=17.2"))
                .hasMessageContaining("'17.2'");
    }
}
