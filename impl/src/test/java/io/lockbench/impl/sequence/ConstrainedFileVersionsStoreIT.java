package io.lockbench.impl.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.ErrorKind;
import io.lockbench.impl.db.Jdbc;
import io.lockbench.impl.retry.Backoff;
import io.lockbench.impl.retry.RetryListener;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.Concurrently;
import io.lockbench.impl.testing.DatabaseFixture;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** The correct store's options: unchanged content, the caller's transaction, and giving up. */
class ConstrainedFileVersionsStoreIT {

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    private static List<Long> versions(FileVersions files, String file) {
        return files.history(file).stream().map(FileVersion::version).toList();
    }

    @BackendTest
    void anUpdateWithUnchangedContent_addsNoVersion_byDefault(Backend backend) {
        ConstrainedFileVersions files = new ConstrainedFileVersions(databases.open(backend));
        files.create("a.txt", "one");
        files.update("a.txt", "two");

        FileVersion same = files.update("a.txt", "two");

        assertThat(same.version()).isEqualTo(2);
        assertThat(versions(files, "a.txt")).containsExactly(1L, 2L);
        assertThat(files.update("a.txt", "one").version()).isEqualTo(3); // only the latest counts
    }

    @BackendTest
    void withNewVersionWhenUnchanged_everyUpdateAddsAVersion(Backend backend) {
        ConstrainedFileVersions files = new ConstrainedFileVersions(databases.open(backend)).newVersionWhenUnchanged(true);
        files.create("a.txt", "one");

        assertThat(files.update("a.txt", "one").version()).isEqualTo(2);
        assertThat(versions(files, "a.txt")).containsExactly(1L, 2L);
    }

    @BackendTest
    void concurrentUpdatesWithTheSameContent_addExactlyOneVersion(Backend backend) {
        ConstrainedFileVersions files = new ConstrainedFileVersions(databases.open(backend));
        files.create("a.txt", "one");

        List<FileVersion> written = Concurrently.run(6, w -> files.update("a.txt", "two"));

        assertThat(written).extracting(FileVersion::version).containsOnly(2L);
        assertThat(versions(files, "a.txt")).containsExactly(1L, 2L);
    }

    @BackendTest
    void inTheCallersTransaction_versionsCommitAndRollBackWithIt(Backend backend) {
        Database db = databases.open(backend);
        ConstrainedFileVersions files = new ConstrainedFileVersions(db);

        db.inTransaction(c -> {
            files.createInTransaction(c, "a.txt", "one");
            files.updateInTransaction(c, "a.txt", "two");
            return files.revertInTransaction(c, "a.txt", 1);
        });
        assertThatThrownBy(() -> db.inTransaction(c -> {
            files.updateInTransaction(c, "a.txt", "four");
            throw new IllegalStateException("the caller's work failed");
        })).hasMessage("the caller's work failed");

        assertThat(files.history("a.txt")).extracting(FileVersion::content).containsExactly("one", "two", "one");
    }

    @BackendTest
    void creatingAnExistingFileInTheCallersTransaction_failsButLeavesTheTransactionUsable(Backend backend) {
        Database db = databases.open(backend);
        ConstrainedFileVersions files = new ConstrainedFileVersions(db);
        files.create("a.txt", "one");

        FileVersion added = db.inTransaction(c -> {
            assertThatThrownBy(() -> files.createInTransaction(c, "a.txt", "again"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("'a.txt' already exists");
            return files.updateInTransaction(c, "a.txt", "two");
        });

        assertThat(added.version()).isEqualTo(2);
        assertThat(versions(files, "a.txt")).containsExactly(1L, 2L);
    }

    // ---- PostgreSQL only: SQLite runs one writer at a time, so no version is ever taken by another ----

    /** Another writer inserts version 2 and commits once {@code ours} waits on it; returns what ours returned. */
    private static <T> CompletableFuture<T> raceAgainstACommittedVersionTwo(Database db,
            Function<Database, T> ours) throws Exception {
        try (Connection other = db.dataSource().getConnection()) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.executeUpdate("INSERT INTO lb_file_versions (file_id, version, content, created_at) "
                        + "VALUES ('a.txt', 2, 'theirs', 0)");
            }
            CompletableFuture<T> result = CompletableFuture.supplyAsync(() -> ours.apply(db));
            PostgresLocks.awaitBlockedBehind(db, PostgresLocks.backendPid(other));
            other.commit();
            try {
                result.get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException expectedForSome) {
                // the caller asserts on the future
            }
            return result;
        }
    }

    private static RetryListener recordingTo(List<String> told) {
        return new RetryListener() {
            @Override
            public void transientFailure(String key, ErrorKind kind, int attempt, boolean retrying) {
                told.add(key + " " + kind + " " + attempt + " " + retrying);
            }
        };
    }

    @Test
    void inTheCallersTransaction_aLostRaceRetriesInASavepoint_andTheTransactionCommits() throws Exception {
        Database db = databases.open(Backend.POSTGRESQL);
        List<String> told = Collections.synchronizedList(new ArrayList<>());
        ConstrainedFileVersions files = new ConstrainedFileVersions(db, Backoff.NONE, 5, recordingTo(told));
        files.create("a.txt", "v1");

        CompletableFuture<FileVersion> ours = raceAgainstACommittedVersionTwo(db, d -> d.inTransaction(c -> {
            FileVersion v = files.updateInTransaction(c, "a.txt", "ours");
            Jdbc.update(c, "UPDATE lb_file_versions SET content = content || ' (seen)' WHERE version = 1");
            return v;
        }));

        assertThat(ours.get().version()).isEqualTo(3);
        assertThat(told).containsExactly("a.txt UNIQUE_VIOLATION 1 true");
        assertThat(files.history("a.txt")).extracting(FileVersion::content)
                .containsExactly("v1 (seen)", "theirs", "ours");
    }

    @Test
    void whenEveryAttemptLoses_theStoreGivesUp_writesNothing_andLogsAnError() throws Exception {
        Database db = databases.open(Backend.POSTGRESQL);
        List<String> told = Collections.synchronizedList(new ArrayList<>());
        ConstrainedFileVersions files = new ConstrainedFileVersions(db, Backoff.NONE, 1, recordingTo(told));
        files.create("a.txt", "v1");
        Logger logger = (Logger) LoggerFactory.getLogger(ConstrainedFileVersions.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            CompletableFuture<FileVersion> ours = raceAgainstACommittedVersionTwo(db, d -> files.update("a.txt", "ours"));

            assertThat(ours).isCompletedExceptionally();
            assertThatThrownBy(ours::get).cause().isInstanceOf(SequenceConflictException.class)
                    .hasMessageContaining("after 1 attempts");
        } finally {
            logger.detachAppender(logged);
        }
        assertThat(told).containsExactly("a.txt UNIQUE_VIOLATION 1 false");
        assertThat(files.history("a.txt")).extracting(FileVersion::content).containsExactly("v1", "theirs");
        assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.ERROR).singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage())
                        .contains("gave up adding a version to file 'a.txt' after 1 attempts"));
    }
}
