package io.lockbench.impl.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Jdbc;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.DatabaseFixture;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class VersionRepairIT {

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    /** lockbench's legacy table, created by its broken twin, with rows written as given. */
    private static Database legacyRows(Database db, String... values) {
        new MaxPlusOneFileVersions(db);
        db.withConnection(c -> {
            try (Statement s = c.createStatement()) {
                for (String v : values) {
                    s.execute("INSERT INTO lb_file_versions_legacy (id, file_id, version, content, reverted_from, created_at)"
                            + " VALUES " + v);
                }
            }
            return null;
        });
        return db;
    }

    private static List<String> rows(Database db) {
        return db.withConnection(c -> Jdbc.queryList(c, "SELECT id, file_id, version, reverted_from, content "
                + "FROM lb_file_versions_legacy ORDER BY file_id, version, id", rs -> rs.getLong(1) + " "
                + rs.getString(2) + " v" + rs.getLong(3) + " from " + rs.getString(4) + " " + rs.getString(5)));
    }

    @BackendTest
    void repair_movesEachRevertedFromWithTheVersionItPointsAt(Backend backend) {
        Database db = legacyRows(databases.open(backend),
                "(1, 'a', 1, 'one', NULL, 10)", "(2, 'a', 1, 'uno', NULL, 20)", "(3, 'a', 2, 'two', NULL, 30)",
                "(4, 'a', 3, 'two', 2, 40)", "(5, 'b', 1, 'b1', NULL, 10)", "(6, 'b', 2, 'b1', 1, 20)");

        RepairReport report = new VersionRepair(db).repair(VersionTable.LEGACY);

        // Row 4 copied version 2 ('two'), which is row 3, now version 3; file b had no duplicate.
        assertThat(rows(db)).containsExactly("1 a v1 from null one", "2 a v2 from null uno",
                "3 a v3 from null two", "4 a v4 from 3 two", "5 b v1 from null b1", "6 b v2 from 1 b1");
        assertThat(report.references()).extracting(r -> r.rowId() + " " + r.fileId() + " " + r.oldVersion() + "->"
                + r.newVersion()).containsExactly("4 a 2->3");
    }

    @BackendTest
    void dryRun_plansTheRevertedFromChangesWithoutMakingThem(Backend backend) {
        Database db = legacyRows(databases.open(backend),
                "(1, 'a', 1, 'one', NULL, 10)", "(2, 'a', 1, 'uno', NULL, 20)", "(3, 'a', 2, 'one', 1, 30)");
        List<String> before = rows(db);

        RepairReport report = new VersionRepair(db).dryRun(VersionTable.LEGACY);

        assertThat(report.changes()).hasSize(2);
        assertThat(report.references()).isEmpty(); // version 1 stays the first row's number
        assertThat(rows(db)).isEqualTo(before);
    }

    /**
     * PostgreSQL only: SQLite's write transaction already excludes every other writer. A legacy
     * writer has inserted a duplicate but not committed when the repair starts; the repair waits
     * for it and renumbers its row too, instead of reading a plan that misses it.
     */
    @Test
    void aLegacyWriterCommittingDuringTheRepair_leavesNoDuplicateBehindIt() throws Exception {
        Database db = legacyRows(databases.open(Backend.POSTGRESQL),
                "(1, 'a', 1, 'one', NULL, 10)", "(2, 'a', 1, 'uno', NULL, 20)", "(3, 'a', 2, 'two', NULL, 30)");

        RepairReport report;
        try (Connection writer = db.dataSource().getConnection()) {
            writer.setAutoCommit(false);
            try (Statement s = writer.createStatement()) {
                s.executeUpdate("INSERT INTO lb_file_versions_legacy (id, file_id, version, content, created_at) "
                        + "VALUES (4, 'a', 2, 'dos', 40)");
            }
            CompletableFuture<RepairReport> repair = CompletableFuture.supplyAsync(
                    () -> new VersionRepair(db).repair(VersionTable.LEGACY));
            PostgresLocks.awaitBlockedBehind(db, PostgresLocks.backendPid(writer));
            writer.commit();
            report = repair.get(30, TimeUnit.SECONDS);
        }

        assertThat(new DuplicateVersionFinder(db).find(VersionTable.LEGACY)).isEmpty();
        assertThat(rows(db)).containsExactly("1 a v1 from null one", "2 a v2 from null uno",
                "3 a v3 from null two", "4 a v4 from null dos");
        assertThat(report.changes()).hasSize(3);
    }

    /** PostgreSQL only, as above: a legacy writer that comes during the repair waits for it to end. */
    @Test
    void aLegacyWriterStartingDuringTheRepair_waitsUntilItCommits() throws Exception {
        Database db = legacyRows(databases.open(Backend.POSTGRESQL),
                "(1, 'a', 1, 'one', NULL, 10)", "(2, 'a', 1, 'uno', NULL, 20)");

        try (Connection repairer = db.dataSource().getConnection()) {
            repairer.setAutoCommit(false);
            try (Statement s = repairer.createStatement()) {
                s.execute(SequenceSql.lockForRepair(db.dialect(), VersionTable.LEGACY));
            }
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> db.withConnection(c -> Jdbc.update(c,
                    "INSERT INTO lb_file_versions_legacy (id, file_id, version, content, created_at) "
                            + "VALUES (3, 'a', 2, 'late', 30)")));
            PostgresLocks.awaitBlockedBehind(db, PostgresLocks.backendPid(repairer));
            assertThat(writer).isNotDone();
            repairer.commit();
            writer.get(30, TimeUnit.SECONDS);
        }
        assertThat(rows(db)).hasSize(3);
    }

    private static final String[] DUPLICATED = {"(1, 'a', 1, 'one', NULL, 10)", "(2, 'a', 1, 'uno', NULL, 20)",
            "(3, 'a', 2, 'two', 1, 30)"};

    private static long count(Database db, String sql, Object... params) {
        return db.withConnection(c -> Jdbc.queryLong(c, sql, params));
    }

    private static long indexesOn(Database db, String table) {
        return db.backend() == Backend.POSTGRESQL
                ? count(db, "SELECT COUNT(*) FROM pg_indexes WHERE tablename = ? AND schemaname = current_schema()", table)
                : count(db, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
                        table);
    }

    private static void insertLegacy(Database db, String table, String values) {
        db.withConnection(c -> Jdbc.update(c, "INSERT INTO " + table
                + " (id, file_id, version, content, reverted_from, created_at) VALUES " + values));
    }

    @BackendTest
    void theBackup_keepsThePrimaryKeyAndIndexesOfTheTable(Backend backend) {
        Database db = legacyRows(databases.open(backend), DUPLICATED);

        String backup = new VersionRepair(db).repair(VersionTable.LEGACY).backupTable();

        assertThat(count(db, "SELECT COUNT(*) FROM " + backup)).isEqualTo(3);
        assertThat(indexesOn(db, backup)).isEqualTo(indexesOn(db, "lb_file_versions_legacy")).isPositive();
        assertThatThrownBy(() -> insertLegacy(db, backup, "(1, 'z', 9, 'same id', NULL, 0)"))
                .hasMessageContaining("1"); // the primary key refuses a second row 1
        assertThat(count(db, "SELECT COUNT(*) FROM " + backup + " WHERE version = 1")).isEqualTo(2);
    }

    @BackendTest
    void repairWithAddConstraint_renumbersAndThenRefusesANewDuplicate(Backend backend) {
        Database db = legacyRows(databases.open(backend), DUPLICATED);

        RepairReport report = new VersionRepair(db).repair(VersionTable.LEGACY, true);

        assertThat(report.constraint()).containsIgnoringCase("UNIQUE").contains("file_id", "version");
        assertThat(new DuplicateVersionFinder(db).find(VersionTable.LEGACY)).isEmpty();
        assertThatThrownBy(() -> insertLegacy(db, "lb_file_versions_legacy", "(9, 'a', 2, 'again', NULL, 90)"))
                .isInstanceOf(io.lockbench.impl.db.DatabaseException.class)
                .satisfies(e -> assertThat(((io.lockbench.impl.db.DatabaseException) e).kind())
                        .isEqualTo(io.lockbench.impl.db.ErrorKind.UNIQUE_VIOLATION));
    }

    @BackendTest
    void restore_undoesARepairAndItsConstraint(Backend backend) {
        Database db = legacyRows(databases.open(backend), DUPLICATED);
        List<String> before = rows(db);
        RepairReport report = new VersionRepair(db).repair(VersionTable.LEGACY, true);
        assertThat(rows(db)).isNotEqualTo(before);

        long restored = new VersionRestore(db).restore(VersionTable.LEGACY, report.backupTable());

        assertThat(restored).isEqualTo(3);
        assertThat(rows(db)).isEqualTo(before);
        insertLegacy(db, "lb_file_versions_legacy", "(9, 'a', 2, 'a duplicate again', NULL, 90)"); // no constraint now
        assertThat(new DuplicateVersionFinder(db).find(VersionTable.LEGACY)).hasSize(2);
    }

    @BackendTest
    void restoreFromATableThatIsNotABackup_changesNothing(Backend backend) {
        Database db = legacyRows(databases.open(backend), DUPLICATED);
        db.withConnection(c -> Jdbc.update(c, "CREATE TABLE other (x INTEGER)"));
        List<String> before = rows(db);

        assertThatThrownBy(() -> new VersionRestore(db).restore(VersionTable.LEGACY, "other"))
                .hasMessageContaining("other is not a backup of lb_file_versions_legacy");
        assertThatThrownBy(() -> new VersionRestore(db).restore(VersionTable.LEGACY, "missing"))
                .hasMessageContaining("no table missing");
        assertThat(rows(db)).isEqualTo(before);
    }
}
