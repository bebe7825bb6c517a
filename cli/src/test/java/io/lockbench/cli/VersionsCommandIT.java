package io.lockbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.sequence.MaxPlusOneFileVersions;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.Concurrently;
import io.lockbench.impl.testing.DatabaseFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

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
        assertThat(run.out().strip().lines().reduce((a, b) -> b).orElseThrow())
                .isEqualTo("to renumber them (a backup first, one transaction): lockbench versions repair --db '"
                        + url + "' --dry-run, then without --dry-run");
    }

    @BackendTest
    void check_reportsDuplicatesGapsAndCreationOrder_andExitsOne_thenZeroWhenClean(Backend backend) {
        String url = databases.newUrl(backend);
        try (Database db = Database.open(url)) {
            db.withConnection(c -> {
                try (java.sql.Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, file_id TEXT, version INTEGER, created_at BIGINT)");
                    s.execute("INSERT INTO docs VALUES (1, 'a', 1, 10), (2, 'a', 1, 20), (3, 'b', 1, 10), (4, 'b', 4, 5)");
                }
                return null;
            });
        }

        CommandRun check = CommandRun.of("versions", "check", "--db", url, "--table", "docs");

        assertThat(check.exit()).as(check.err()).isEqualTo(1);
        assertThat(check.out()).contains("file a: version 1 is carried by 2 rows",
                "file b: gap, versions 2 to 3 are missing",
                "file b: version 4 (created 5) is older than version 1 (created 10)",
                "PROBLEMS: 1 duplicated version, 1 gap, 1 version out of creation order (table docs on ",
                "duplicates: lockbench versions repair --db '" + url + "' --table docs renumbers");

        assertThat(CommandRun.of("versions", "repair", "--db", url, "--table", "docs").exit()).isZero();
        CommandRun after = CommandRun.of("versions", "check", "--db", url, "--table", "docs");
        assertThat(after.exit()).as(after.out()).isEqualTo(1); // file b had no duplicate: repair leaves it
        assertThat(after.out()).contains("0 duplicated versions, 1 gap, 1 version out of creation order");
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

    /** A table named by the user, written with plain SQL, optionally with an id that is not unique. */
    private static void legacyTable(Database db, boolean uniqueIds) {
        db.withConnection(c -> {
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("CREATE TABLE docs (id INTEGER " + (uniqueIds ? "PRIMARY KEY" : "") + ", file_id TEXT, "
                        + "version INTEGER, created_at BIGINT)");
                s.execute("INSERT INTO docs VALUES (1, 'a', 1, 10), (2, 'a', 1, 20), (" + (uniqueIds ? 3 : 2)
                        + ", 'a', 2, 30), (4, 'a', NULL, 40), (5, NULL, 1, 50)");
            }
            return null;
        });
    }

    @BackendTest
    void repair_reportsRowsItCannotPlace_andExitsOne(Backend backend) {
        String url = databases.newUrl(backend);
        try (Database db = Database.open(url)) {
            legacyTable(db, true);
        }

        CommandRun repair = CommandRun.of("versions", "repair", "--db", url, "--table", "docs");

        assertThat(repair.exit()).isEqualTo(1);
        assertThat(repair.out()).contains("renumbered 2 rows in 1 files")
                .contains("SKIPPED rows left as they were, not renumbered: 0 with a NULL id, 1 with a NULL file_id, "
                        + "1 with a NULL version");
        assertThat(CommandRun.of("versions", "duplicates", "--db", url, "--table", "docs").exit()).isZero();
    }

    @BackendTest
    void repair_thatWouldChangeTheWrongRows_changesNothingAndExitsTwo(Backend backend) {
        String url = databases.newUrl(backend);
        try (Database db = Database.open(url)) {
            legacyTable(db, false); // rows 2 and 3 share the id 2
        }

        CommandRun repair = CommandRun.of("versions", "repair", "--db", url, "--table", "docs");

        assertThat(repair.exit()).isEqualTo(2);
        assertThat(repair.err()).contains("repair stopped and changed nothing", "matched 2 rows instead of 1")
                .doesNotContain("Exception");
        assertThat(CommandRun.of("versions", "duplicates", "--db", url, "--table", "docs").out())
                .contains("file a: version 1 is carried by 2 rows");
    }

    @Test
    void readOnlyCommands_leaveASqliteFileByteIdentical_evenWhenItIsReadOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("app.db");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, file_id TEXT, version INTEGER, created_at BIGINT)");
            s.execute("INSERT INTO docs VALUES (1, 'a', 1, 10), (2, 'a', 1, 20)");
        }
        byte[] before = Files.readAllBytes(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        String url = "jdbc:sqlite:" + file;

        CommandRun duplicates = CommandRun.of("versions", "duplicates", "--db", url, "--table", "docs");
        CommandRun dryRun = CommandRun.of("versions", "repair", "--dry-run", "--db", url, "--table", "docs");
        CommandRun check = CommandRun.of("versions", "check", "--db", url, "--table", "docs");

        assertThat(duplicates.exit()).as(duplicates.err()).isEqualTo(1);
        assertThat(dryRun.exit()).as(dryRun.err()).isZero();
        assertThat(check.exit()).as(check.err()).isEqualTo(1);
        assertThat(dryRun.out()).contains("would renumber 1 rows");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file); // no -wal, no -shm, no journal
        }
    }

    @Test
    void aSqliteFileThatDoesNotExist_isAnError_neverANewDatabase(@TempDir Path dir) {
        Path missing = dir.resolve("missing.db");

        for (String[] args : new String[][] {{"versions", "duplicates"}, {"versions", "repair", "--dry-run"},
                {"versions", "repair"}}) {
            CommandRun run = CommandRun.of(java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                    java.util.stream.Stream.of("--db", "jdbc:sqlite:" + missing)).toArray(String[]::new));

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("no such database file: " + missing);
        }
        assertThat(missing).doesNotExist();
    }

    @Test
    void aPassword_isNeverPrinted_evenInTheDriversOwnMessages() {
        for (String url : new String[] {"jdbc:postgresql://127.0.0.1:99999/app?user=me&password=hunter2",
                "jdbc:postgresql://127.0.0.1:1/app?password=hunter2&user=me", "jdbc:postgresql://[::1/app?password=hunter2"}) {
            CommandRun run = CommandRun.of("versions", "duplicates", "--db", url);

            assertThat(run.exit()).as(url).isEqualTo(2);
            assertThat(run.out() + run.err()).as(url).doesNotContain("hunter2").contains("password=***");
        }
    }

    @BackendTest
    void repairWithAddConstraint_thenRestore_bringsBackTheDuplicates(Backend backend) {
        String url = databaseWithDuplicates(backend);

        CommandRun repair = CommandRun.of("versions", "repair", "--db", url, "--add-constraint");
        assertThat(repair.exit()).as(repair.err()).isZero();
        assertThat(repair.out()).containsPattern("added and checked: .*UNIQUE.*file_id\"?, \"?version")
                .contains("to undo: lockbench versions restore lb_file_versions_legacy_backup_");
        String backup = repair.out().lines().filter(l -> l.startsWith("to undo:")).findFirst().orElseThrow()
                .split(" ")[5];
        assertThat(CommandRun.of("versions", "duplicates", "--db", url).exit()).isZero();

        CommandRun restore = CommandRun.of("versions", "restore", backup, "--db", url);

        assertThat(restore.exit()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("restored lb_file_versions_legacy from " + backup + ": 25 rows");
        assertThat(CommandRun.of("versions", "duplicates", "--db", url).exit()).isEqualTo(1);
    }

    @BackendTest
    void restoreOfATableThatDoesNotExist_exitsTwo(Backend backend) {
        String url = databaseWithDuplicates(backend);

        CommandRun restore = CommandRun.of("versions", "restore", "no_such_backup", "--db", url);

        assertThat(restore.exit()).isEqualTo(2);
        assertThat(restore.err()).contains("no table no_such_backup").doesNotContain("Exception");
    }

    /**
     * A table as an ORM makes it: a quoted camelCase name and columns, cuid text ids, a real
     * timestamp type (text on SQLite), a reverted-from column, and a row without an id.
     */
    private static String ormTable(DatabaseFixture databases, Backend backend) {
        String url = databases.newUrl(backend);
        try (Database db = Database.open(url)) {
            db.withConnection(c -> {
                try (java.sql.Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE \"FileVersion\" (\"id\" TEXT, \"fileId\" TEXT NOT NULL, "
                            + "\"version\" INTEGER NOT NULL, \"createdAt\" TIMESTAMP NOT NULL, \"revertedFrom\" INTEGER)");
                    s.execute("INSERT INTO \"FileVersion\" VALUES "
                            + "('ckz1a', 'doc', 1, '2024-05-01 10:00:00', NULL), "
                            + "('ckz1b', 'doc', 1, '2024-05-01 10:00:01', NULL), "
                            + "('ckz1c', 'doc', 2, '2024-05-01 10:00:02', NULL), "
                            + "('ckz1d', 'doc', 3, '2024-05-01 10:00:03', 2)");
                }
                return null;
            });
        }
        return url;
    }

    private static final String[] ORM_OPTIONS = {"--table", "FileVersion", "--file-column", "fileId",
            "--created-column", "createdAt", "--reverted-from-column", "revertedFrom"};

    private static CommandRun versions(String command, String url, String... more) {
        return CommandRun.of(java.util.stream.Stream.of(new String[] {"versions", command, "--db", url}, ORM_OPTIONS, more)
                .flatMap(java.util.Arrays::stream).toArray(String[]::new));
    }

    @BackendTest
    void aCamelCaseTableWithTextIdsAndTimestamps_isFoundAndRepaired(Backend backend) {
        String url = ormTable(databases, backend);

        CommandRun duplicates = versions("duplicates", url);
        assertThat(duplicates.exit()).as(duplicates.err()).isEqualTo(1);
        assertThat(duplicates.out()).contains("file doc: version 1 is carried by 2 rows");

        CommandRun repair = versions("repair", url);
        assertThat(repair.exit()).as(repair.err()).isZero();
        assertThat(repair.out()).contains("file doc: row ckz1b version 1 -> 2", "file doc: row ckz1c version 2 -> 3",
                "file doc: row ckz1d version 3 -> 4", "file doc: row ckz1d revertedFrom 2 -> 3",
                "renumbered 3 rows in 1 files");
        assertThat(versions("check", url).exit()).isZero();
        try (Database db = Database.open(url)) {
            java.util.List<String> rows = db.withConnection(c -> io.lockbench.impl.db.Jdbc.queryList(c,
                    "SELECT \"id\", \"version\", \"revertedFrom\" FROM \"FileVersion\" ORDER BY \"version\"",
                    rs -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getString(3)));
            assertThat(rows).containsExactly("ckz1a 1 null", "ckz1b 2 null", "ckz1c 3 null", "ckz1d 4 3");
        }
    }

    @BackendTest
    void aRowWithoutAnId_isSkippedAndReported_withExitOne(Backend backend) {
        String url = ormTable(databases, backend);
        try (Database db = Database.open(url)) {
            db.withConnection(c -> io.lockbench.impl.db.Jdbc.update(c, "INSERT INTO \"FileVersion\" VALUES "
                    + "(NULL, 'other', 1, '2024-05-01 10:00:00', NULL), (NULL, 'other', 1, '2024-05-01 10:00:01', NULL)"));
        }

        CommandRun repair = versions("repair", url);

        assertThat(repair.exit()).as(repair.err()).isEqualTo(1);
        assertThat(repair.out()).contains("renumbered 3 rows in 1 files",
                "SKIPPED rows left as they were, not renumbered: 2 with a NULL id, 0 with a NULL fileId");
        assertThat(versions("duplicates", url).out()).contains("file other: version 1 is carried by 2 rows");
    }

    @BackendTest
    void aNameThatDiffersOnlyInCase_findsTheTable_andAMissingColumnIsNamed(Backend backend) {
        String url = databaseWithDuplicates(backend);

        assertThat(CommandRun.of("versions", "duplicates", "--db", url, "--table", "LB_File_Versions_Legacy").exit())
                .isEqualTo(1);
        CommandRun missing = CommandRun.of("versions", "duplicates", "--db", url, "--file-column", "fileId");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no file column fileId in table lb_file_versions_legacy",
                "the columns there: [", "file_id");
    }
}
