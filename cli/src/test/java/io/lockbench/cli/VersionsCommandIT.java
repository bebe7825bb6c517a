package io.lockbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.sequence.MaxPlusOneFileVersions;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.Concurrently;
import io.lockbench.impl.testing.DatabaseFixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class VersionsCommandIT {

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    /** A database where the broken twin has written duplicate versions. */
    private String databaseWithDuplicates(Backend backend) {
        String url = databases.newUrl(backend);
        try (Database db = Database.open(url)) {
            MaxPlusOneFileVersions files = new MaxPlusOneFileVersions(db, Duration.ofMillis(3));
            files.create("a.txt", "v1");
            Concurrently.run(6, w -> {
                for (int i = 0; i < 4; i++) {
                    files.update("a.txt", "w" + w);
                }
                return null;
            });
        }
        return url;
    }

    @BackendTest
    void duplicates_reportsEachFileAndVersion_andExitsOne(Backend backend) {
        String url = databaseWithDuplicates(backend);

        CommandRun run = CommandRun.of("versions", "duplicates", "--db", url);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).containsPattern("file a\\.txt: version \\d+ is carried by \\d+ rows")
                .contains("DUPLICATES:");
    }

    @BackendTest
    void dryRunChangesNothing_thenRepairFixes_thenDuplicatesExitsZero(Backend backend) {
        String url = databaseWithDuplicates(backend);

        CommandRun dry = CommandRun.of("versions", "repair", "--db", url, "--dry-run");
        assertThat(dry.exit()).isZero();
        assertThat(dry.out()).contains("dry run: would renumber").contains("nothing was changed");
        assertThat(CommandRun.of("versions", "duplicates", "--db", url).exit()).isEqualTo(1);

        CommandRun repair = CommandRun.of("versions", "repair", "--db", url);
        assertThat(repair.exit()).isZero();
        assertThat(repair.out()).contains("the table before repair is in lb_file_versions_legacy_backup_");

        CommandRun after = CommandRun.of("versions", "duplicates", "--db", url);
        assertThat(after.exit()).isZero();
        assertThat(after.out()).startsWith("clean: 0 duplicated versions");
    }

    @Test
    void anUnreachableDatabase_exitsTwoNamingTheUrl() {
        CommandRun run = CommandRun.of("versions", "duplicates", "--db",
                "jdbc:postgresql://127.0.0.1:1/app?user=me&password=secret");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/app?user=me&password=***")
                .doesNotContain("secret");
    }

    @Test
    void anUnknownOption_exitsTwoAndSaysWhatIsValid() {
        CommandRun run = CommandRun.of("versions", "duplicates", "--db", "jdbc:sqlite:x.db", "--dbb", "x");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown options: '--dbb'")
                .contains("--db=JDBC_URL", "--table=<table>", "--id-column=<idColumn>");
    }
}
