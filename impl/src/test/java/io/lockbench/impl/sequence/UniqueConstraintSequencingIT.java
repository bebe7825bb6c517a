package io.lockbench.impl.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.ErrorKind;
import io.lockbench.impl.retry.Backoff;
import io.lockbench.impl.retry.RetryListener;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.Concurrently;
import io.lockbench.impl.testing.DatabaseFixture;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.NoSuchElementException;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UniqueConstraintSequencingIT {

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    private static List<Long> versions(List<FileVersion> history) {
        return history.stream().map(FileVersion::version).toList();
    }

    private static List<Long> oneTo(long n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    @BackendTest
    void createThenUpdates_numberVersionsOneTwoThree(Backend backend) {
        FileVersions files = new ConstrainedFileVersions(databases.open(backend));

        assertThat(files.create("a.txt", "one").version()).isEqualTo(1);
        assertThat(files.update("a.txt", "two").version()).isEqualTo(2);
        assertThat(files.update("a.txt", "three").version()).isEqualTo(3);

        assertThat(files.latest("a.txt").orElseThrow().content()).isEqualTo("three");
        assertThat(versions(files.history("a.txt"))).containsExactly(1L, 2L, 3L);
    }

    @BackendTest
    void creatingAFileTwice_isRejected(Backend backend) {
        FileVersions files = new ConstrainedFileVersions(databases.open(backend));
        files.create("a.txt", "one");

        assertThatThrownBy(() -> files.create("a.txt", "again"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'a.txt' already exists");
    }

    @BackendTest
    void updatingAMissingFile_failsWithoutCreatingIt(Backend backend) {
        FileVersions files = new ConstrainedFileVersions(databases.open(backend));

        assertThatThrownBy(() -> files.update("nope.txt", "x"))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("nope.txt");
        assertThat(files.history("nope.txt")).isEmpty();
    }

    @BackendTest
    void revert_copiesTheOldContentAsTheNextVersion(Backend backend) {
        FileVersions files = new ConstrainedFileVersions(databases.open(backend));
        files.create("a.txt", "one");
        files.update("a.txt", "two");

        FileVersion reverted = files.revert("a.txt", 1);

        assertThat(reverted.version()).isEqualTo(3);
        assertThat(reverted.content()).isEqualTo("one");
        assertThat(reverted.revertedFrom()).isEqualTo(1L);
    }

    @BackendTest
    void tenConcurrentUpdates_getVersionsTwoToElevenWithNoGapOrDuplicate(Backend backend) {
        FileVersions files = new ConstrainedFileVersions(databases.open(backend));
        files.create("a.txt", "v1");

        List<FileVersion> written = Concurrently.run(10, w -> files.update("a.txt", "from writer " + w));

        assertThat(written).extracting(FileVersion::version)
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(2, 11).boxed().toList());
        assertThat(versions(files.history("a.txt"))).isEqualTo(oneTo(11));
    }

    @BackendTest
    void manyWritersOnFewFiles_neverRepeatOrSkipAVersion(Backend backend) {
        FileVersions files = new ConstrainedFileVersions(databases.open(backend));
        for (String f : List.of("f0", "f1")) {
            files.create(f, "v1");
        }

        Concurrently.run(8, w -> {
            for (int i = 0; i < 16; i++) {
                files.update("f" + (i % 2), "w" + w + " i" + i);
            }
            return null;
        });

        // 8 writers × 8 updates per file, after version 1.
        assertThat(versions(files.history("f0"))).isEqualTo(oneTo(65));
        assertThat(versions(files.history("f1"))).isEqualTo(oneTo(65));
    }

    @BackendTest
    void concurrentReverts_eachBecomeTheirOwnVersion(Backend backend) {
        FileVersions files = new ConstrainedFileVersions(databases.open(backend));
        files.create("a.txt", "one");
        files.update("a.txt", "two");
        files.update("a.txt", "three");

        List<FileVersion> reverts = Concurrently.run(6, w -> files.revert("a.txt", 1 + w % 3));

        assertThat(reverts).extracting(FileVersion::version)
                .containsExactlyInAnyOrder(4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(reverts).allSatisfy(r -> assertThat(r.content())
                .isEqualTo(List.of("one", "two", "three").get((int) (r.revertedFrom() - 1))));
        assertThat(versions(files.history("a.txt"))).isEqualTo(oneTo(9));
    }

    @BackendTest
    void theConstrainedTable_hasNoDuplicatesAfterConcurrentUpdates(Backend backend) {
        var db = databases.open(backend);
        FileVersions files = new ConstrainedFileVersions(db);
        files.create("a.txt", "v1");

        Concurrently.run(8, w -> {
            for (int i = 0; i < 10; i++) {
                files.update("a.txt", "x");
            }
            return null;
        });

        assertThat(new DuplicateVersionFinder(db).find(VersionTable.CONSTRAINED)).isEmpty();
    }

    /**
     * PostgreSQL only: SQLite runs one write transaction at a time (BEGIN IMMEDIATE), so its
     * MAX(version) + 1 is never taken by another writer and no unique violation can happen there.
     */
    @Test
    void aVersionTakenByAnotherWriter_isToldToTheRetryListenerAsAUniqueViolationThatIsRetried() throws Exception {
        Database db = databases.open(Backend.POSTGRESQL);
        List<String> told = Collections.synchronizedList(new ArrayList<>());
        FileVersions files = new ConstrainedFileVersions(db, Backoff.NONE, 5, new RetryListener() {
            @Override
            public void transientFailure(String key, ErrorKind kind, int attempt, boolean retrying) {
                told.add(key + " " + kind + " " + attempt + " " + retrying);
            }
        });
        files.create("a.txt", "v1");

        try (Connection other = db.dataSource().getConnection()) {
            other.setAutoCommit(false);
            // Another writer has version 2 inserted but not committed: our insert of 2 waits on it.
            try (Statement s = other.createStatement()) {
                s.executeUpdate("INSERT INTO lb_file_versions (file_id, version, content, created_at) "
                        + "VALUES ('a.txt', 2, 'theirs', 0)");
            }
            CompletableFuture<FileVersion> ours = CompletableFuture.supplyAsync(() -> files.update("a.txt", "ours"));
            PostgresLocks.awaitBlockedBehind(db, PostgresLocks.backendPid(other));
            other.commit();

            assertThat(ours.get(30, TimeUnit.SECONDS).version()).isEqualTo(3);
        }
        assertThat(told).containsExactly("a.txt UNIQUE_VIOLATION 1 true");
    }
}
