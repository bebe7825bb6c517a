package io.lockbench.impl.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.catalog.Variant;
import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Jdbc;
import io.lockbench.impl.sequence.DuplicateVersionFinder;
import io.lockbench.impl.sequence.MaxPlusOneFileVersions;
import io.lockbench.impl.sequence.VersionTable;
import io.lockbench.servers.PostgresRequest;
import io.lockbench.servers.PostgresServer;
import io.lockbench.servers.PostgresVersion;
import io.lockbench.servers.ServerSource;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The path a fresh machine takes: with {@code LOCKBENCH_PG_URL} unset and no Docker engine, the
 * run starts an embedded PostgreSQL, every strategy's migrations run on it, and a broken twin shows
 * its anomaly there. impl/pom.xml runs this class in its own Failsafe execution with the variable
 * unset (CI sets it for everything else); it is excluded from the main one.
 */
class EmbeddedPostgresIT {

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    @Test
    void withNoServerGiven_theRunStartsAnEmbeddedOne_withProductionDurability() {
        PostgresServer server = DatabaseFixture.assumePostgres();

        assertThat(server.source()).as(server.description()).isEqualTo(ServerSource.EMBEDDED);
        assertThat(server.major()).as(server.description()).isEqualTo(requestedMajor());
        assertThat(server.fsync()).isEqualTo("on");
        assertThat(server.synchronousCommit()).isEqualTo("on");
    }

    @Test
    void everyVariantsMigrations_runOnTheEmbeddedServer() throws Exception {
        Database db = databases.open(Backend.POSTGRESQL);

        for (Variant variant : Variant.values()) {
            variant.implementation().getConstructor(Database.class).newInstance(db); // migrates its tables
        }

        List<String> components = db.withConnection(c -> {
            List<String> applied = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT DISTINCT component FROM lockbench_schema")) {
                while (rs.next()) {
                    applied.add(rs.getString(1));
                }
            }
            return applied;
        });
        assertThat(components).containsExactlyInAnyOrder("optimistic", "sequence", "claims", "claims-unindexed", "agent");
    }

    @Test
    void aBrokenTwin_showsItsAnomalyOnTheEmbeddedServer() {
        Database db = databases.open(Backend.POSTGRESQL);
        MaxPlusOneFileVersions files = new MaxPlusOneFileVersions(db, Duration.ofMillis(3));
        files.create("a.txt", "v1");

        Concurrently.run(8, worker -> {
            for (int i = 0; i < 5; i++) {
                files.update("a.txt", "w" + worker + " i" + i);
            }
            return null;
        });

        assertThat(new DuplicateVersionFinder(db).find(VersionTable.LEGACY)).as("duplicate versions").isNotEmpty();
        long rows = db.withConnection(c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM lb_file_versions_legacy"));
        assertThat(rows).as("every write landed, under duplicate numbers").isEqualTo(41);
    }

    private static int requestedMajor() {
        String requested = System.getenv(PostgresRequest.VERSION_ENV);
        return requested == null || requested.isBlank() ? PostgresVersion.newest().major()
                : Integer.parseInt(requested.strip());
    }
}
