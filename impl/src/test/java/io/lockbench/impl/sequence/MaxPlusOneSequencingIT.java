package io.lockbench.impl.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Jdbc;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.Concurrently;
import io.lockbench.impl.testing.DatabaseFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The broken twin must produce duplicate versions, the finder must report them, and repair must fix them. */
class MaxPlusOneSequencingIT {

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    private static void concurrentUpdates(FileVersions files) {
        files.create("a.txt", "v1");
        files.create("b.txt", "v1");
        Concurrently.run(8, w -> {
            for (int i = 0; i < 5; i++) {
                files.update(w % 2 == 0 ? "a.txt" : "b.txt", "w" + w + " i" + i);
            }
            return null;
        });
    }

    @BackendTest
    void concurrentUpdates_produceDuplicateVersions_andTheFinderReportsEach(Backend backend) {
        Database db = databases.open(backend);
        concurrentUpdates(new MaxPlusOneFileVersions(db, Duration.ofMillis(3)));

        List<DuplicateVersion> duplicates = new DuplicateVersionFinder(db).find(VersionTable.LEGACY);

        assertThat(duplicates).isNotEmpty();
        assertThat(duplicates).allSatisfy(d -> assertThat(d.rows()).isGreaterThanOrEqualTo(2));
        // The finder's report agrees with a direct count of rows per (file, version).
        long extraRows = duplicates.stream().mapToLong(d -> d.rows() - 1).sum();
        long distinct = db.withConnection(c -> Jdbc.queryLong(c,
                "SELECT COUNT(*) FROM (SELECT DISTINCT file_id, version FROM lb_file_versions_legacy) d"));
        long all = db.withConnection(c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM lb_file_versions_legacy"));
        assertThat(all - distinct).isEqualTo(extraRows);
    }

    @BackendTest
    void repair_renumbersByCreationTime_afterBackingUpTheTable(Backend backend) {
        Database db = databases.open(backend);
        FileVersions files = new MaxPlusOneFileVersions(db, Duration.ofMillis(3));
        concurrentUpdates(files);
        List<FileVersion> before = files.history("a.txt");
        long rowsBefore = db.withConnection(c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM lb_file_versions_legacy"));

        RepairReport report = new VersionRepair(db).repair(VersionTable.LEGACY);

        assertThat(report.dryRun()).isFalse();
        assertThat(report.changes()).isNotEmpty();
        assertThat(new DuplicateVersionFinder(db).find(VersionTable.LEGACY)).isEmpty();
        for (String file : List.of("a.txt", "b.txt")) {
            List<FileVersion> after = files.history(file);
            assertThat(after).extracting(FileVersion::version)
                    .isEqualTo(java.util.stream.LongStream.rangeClosed(1, after.size()).boxed().toList());
            // Version order is creation order (row ids grow with creation here).
            assertThat(after).extracting(FileVersion::id).isSorted();
        }
        assertThat(files.history("a.txt")).hasSameSizeAs(before);
        long backedUp = db.withConnection(c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM " + report.backupTable()));
        assertThat(backedUp).isEqualTo(rowsBefore);
    }

    @BackendTest
    void repairDryRun_reportsThePlanAndChangesNothing(Backend backend) {
        Database db = databases.open(backend);
        FileVersions files = new MaxPlusOneFileVersions(db, Duration.ofMillis(3));
        concurrentUpdates(files);
        List<DuplicateVersion> duplicates = new DuplicateVersionFinder(db).find(VersionTable.LEGACY);
        List<FileVersion> a = files.history("a.txt");
        List<FileVersion> b = files.history("b.txt");

        RepairReport dry = new VersionRepair(db).dryRun(VersionTable.LEGACY);

        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.backupTable()).isNull();
        assertThat(dry.changes()).isNotEmpty();
        assertThat(new DuplicateVersionFinder(db).find(VersionTable.LEGACY)).isEqualTo(duplicates);
        assertThat(files.history("a.txt")).isEqualTo(a);
        assertThat(files.history("b.txt")).isEqualTo(b);
        // The dry run plans exactly what the repair then does.
        assertThat(new VersionRepair(db).repair(VersionTable.LEGACY).changes()).isEqualTo(dry.changes());
    }

    @BackendTest
    void repairOfACleanTable_changesNothingAndTakesNoBackup(Backend backend) {
        Database db = databases.open(backend);
        FileVersions files = new MaxPlusOneFileVersions(db);
        files.create("a.txt", "v1");
        files.update("a.txt", "v2");

        RepairReport report = new VersionRepair(db).repair(VersionTable.LEGACY);

        assertThat(report.changes()).isEmpty();
        assertThat(report.backupTable()).isNull();
    }
}
