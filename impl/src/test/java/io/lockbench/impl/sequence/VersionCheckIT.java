package io.lockbench.impl.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.DatabaseFixture;
import java.sql.Statement;
import org.junit.jupiter.api.extension.RegisterExtension;

class VersionCheckIT {

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    private static final VersionTable DOCS = new VersionTable("docs", "id", "file_id", "version", "created_at");

    private static Database docs(Database db, String rows) {
        db.withConnection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, file_id TEXT, version INTEGER, created_at BIGINT)");
                s.execute("INSERT INTO docs VALUES " + rows);
            }
            return null;
        });
        return db;
    }

    @BackendTest
    void aCleanTable_isClean(Backend backend) {
        Database db = docs(databases.open(backend), "(1, 'a', 1, 10), (2, 'a', 2, 20), (3, 'b', 1, 5), (4, 'a', NULL, 1)");

        assertThat(new VersionCheck(db).check(DOCS).clean()).isTrue();
    }

    @BackendTest
    void gaps_areReportedWithTheMissingNumbers_includingAFileThatDoesNotStartAtOne(Backend backend) {
        Database db = docs(databases.open(backend),
                "(1, 'a', 1, 10), (2, 'a', 2, 20), (3, 'a', 5, 30), (4, 'b', 2, 10), (5, 'b', 3, 20)");

        VersionCheckReport report = new VersionCheck(db).check(DOCS);

        assertThat(report.gaps()).containsExactly(new VersionGap("a", 2, 5), new VersionGap("b", 0, 2));
        assertThat(report.gaps()).extracting(VersionGap::missing).containsExactly(2L, 1L);
        assertThat(report.duplicates()).isEmpty();
        assertThat(report.outOfOrder()).isEmpty();
    }

    @BackendTest
    void aVersionCreatedBeforeTheOneBelowIt_isOutOfOrder(Backend backend) {
        Database db = docs(databases.open(backend), "(1, 'a', 1, 10), (2, 'a', 2, 40), (3, 'a', 3, 30), (4, 'a', 4, 50)");

        VersionCheckReport report = new VersionCheck(db).check(DOCS);

        assertThat(report.outOfOrder()).containsExactly(new VersionOutOfOrder("a", 2, "40", 3, "30"));
        assertThat(report.gaps()).isEmpty();
        assertThat(report.clean()).isFalse();
    }

    @BackendTest
    void duplicates_areReportedToo(Backend backend) {
        Database db = docs(databases.open(backend), "(1, 'a', 1, 10), (2, 'a', 1, 20), (3, 'a', 2, 30)");

        assertThat(new VersionCheck(db).check(DOCS).duplicates()).containsExactly(new DuplicateVersion("a", 1, 2));
    }
}
