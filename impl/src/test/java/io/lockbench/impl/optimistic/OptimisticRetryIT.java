package io.lockbench.impl.optimistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.retry.Backoff;
import io.lockbench.impl.retry.RetryListener;
import io.lockbench.impl.retry.RetryLogging;
import io.lockbench.impl.retry.Sleep;
import io.lockbench.impl.testing.BackendTest;
import io.lockbench.impl.testing.Concurrently;
import io.lockbench.impl.testing.DatabaseFixture;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

class OptimisticRetryIT {

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    private static String increment(String counter) {
        return Long.toString(Long.parseLong(counter) + 1);
    }

    @BackendTest
    void updateWithoutContention_succeedsOnTheFirstAttempt(Backend backend) {
        OptimisticStore store = new OptimisticStore(databases.open(backend));
        store.create("doc", "draft");
        AtomicInteger calls = new AtomicInteger();

        VersionedRecord written = store.updateWithLocking("doc", old -> {
            calls.incrementAndGet();
            return old + " v2";
        });

        assertThat(calls).hasValue(1);
        assertThat(written.content()).isEqualTo("draft v2");
        assertThat(written.version()).isEqualTo(2);
        assertThat(store.read("doc")).contains(written);
    }

    @BackendTest
    void twoWritersConflict_oneRetriesAndBothUpdatesSurvive(Backend backend) {
        Database db = databases.open(backend);
        OptimisticStore store = new OptimisticStore(db);
        OptimisticStore other = new OptimisticStore(db);
        store.create("doc", "a");
        AtomicInteger attempts = new AtomicInteger();

        VersionedRecord written = store.updateWithLocking("doc", old -> {
            if (attempts.incrementAndGet() == 1) {
                // Another session commits between our read and our write.
                other.updateWithLocking("doc", o -> o + "+other");
            }
            return old + "+mine";
        });

        assertThat(attempts).hasValue(2);
        assertThat(written.content()).isEqualTo("a+other+mine");
        assertThat(written.version()).isEqualTo(3);
    }

    @BackendTest
    void everyAttemptConflicts_failsNamingKeyAttemptsAndLastSeenVersion(Backend backend) {
        Database db = databases.open(backend);
        OptimisticStore store = new OptimisticStore(db, Backoff.NONE);
        OptimisticStore other = new OptimisticStore(db);
        store.create("doc", "a");

        assertThatThrownBy(() -> store.updateWithLocking("doc", old -> {
            other.updateWithLocking("doc", o -> o + "!");
            return old + "+mine";
        }, 3))
                .isInstanceOfSatisfying(OptimisticLockException.class, e -> {
                    assertThat(e.key()).isEqualTo("doc");
                    assertThat(e.attempts()).isEqualTo(3);
                    assertThat(e.lastSeenVersion()).isEqualTo(3);
                })
                .hasMessageContaining("'doc'").hasMessageContaining("3 attempts")
                .hasMessageContaining("last seen version 3");
        assertThat(store.read("doc").orElseThrow().content()).isEqualTo("a!!!");
    }

    @BackendTest
    void eachSuccessfulUpdate_incrementsTheVersionByOne(Backend backend) {
        OptimisticStore store = new OptimisticStore(databases.open(backend));
        assertThat(store.create("n", "0").version()).isEqualTo(1);

        for (int i = 0; i < 5; i++) {
            store.updateWithLocking("n", OptimisticRetryIT::increment);
        }

        VersionedRecord r = store.read("n").orElseThrow();
        assertThat(r.version()).isEqualTo(6);
        assertThat(r.content()).isEqualTo("5");
    }

    @BackendTest
    void anUpdate_setsUpdatedAtFromTheDatabaseClock(Backend backend) {
        Database db = databases.open(backend);
        OptimisticStore store = new OptimisticStore(db);
        VersionedRecord created = store.create("doc", "a");
        Sleep.micros(5_000);

        long before = db.nowMillis();
        VersionedRecord updated = store.updateWithLocking("doc", old -> "b");
        long after = db.nowMillis();

        assertThat(updated.updatedAt()).isGreaterThan(created.updatedAt()).isBetween(before, after);
    }

    /** Captures what one class logs, at every level, for the length of a test. */
    private static final class CapturedLog implements AutoCloseable {
        final Logger logger = (Logger) LoggerFactory.getLogger(OptimisticStore.class);
        final ListAppender<ILoggingEvent> appender = new ListAppender<>();
        final Level level = logger.getLevel();

        CapturedLog() {
            appender.start();
            logger.addAppender(appender);
            logger.setLevel(Level.TRACE);
        }

        List<String> lines() {
            return appender.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
        }

        @Override
        public void close() {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }
    }

    @BackendTest
    void aConflict_isLoggedAtWarnWithKeyAttemptOfMaxAndVersionSeen(Backend backend) {
        Database db = databases.open(backend);
        OptimisticStore store = new OptimisticStore(db);
        OptimisticStore other = new OptimisticStore(db);
        store.create("doc", "a");

        try (CapturedLog log = new CapturedLog()) {
            AtomicInteger attempts = new AtomicInteger();
            store.updateWithLocking("doc", old -> {
                if (attempts.incrementAndGet() == 1) {
                    other.updateWithLocking("doc", o -> o + "!");
                }
                return old;
            });

            assertThat(log.lines()).containsExactly("WARN optimistic conflict on key 'doc', attempt 1 of 3: "
                    + "version 1 was changed by another writer; retrying");
        }
    }

    @BackendTest
    void givingUp_isLoggedAtErrorWithKeyAttemptsAndLastSeenVersion(Backend backend) {
        Database db = databases.open(backend);
        OptimisticStore store = new OptimisticStore(db, Backoff.NONE);
        OptimisticStore other = new OptimisticStore(db);
        store.create("doc", "a");

        try (CapturedLog log = new CapturedLog()) {
            assertThatThrownBy(() -> store.updateWithLocking("doc", old -> {
                other.updateWithLocking("doc", o -> o + "!");
                return old;
            }, 2)).isInstanceOf(OptimisticLockException.class);

            assertThat(log.lines()).containsExactly(
                    "WARN optimistic conflict on key 'doc', attempt 1 of 2: version 1 was changed by another writer; retrying",
                    "WARN optimistic conflict on key 'doc', attempt 2 of 2: version 2 was changed by another writer",
                    "ERROR optimistic update of 'doc' gave up after 2 attempts: another writer changed it each time "
                            + "(last seen version 2)");
        }
    }

    @BackendTest
    void quietLogging_putsConflictsAndGivingUpAtDebug(Backend backend) {
        Database db = databases.open(backend);
        OptimisticStore store = new OptimisticStore(db, Backoff.NONE, RetryListener.NONE, RetryLogging.QUIET);
        OptimisticStore other = new OptimisticStore(db);
        store.create("doc", "a");

        try (CapturedLog log = new CapturedLog()) {
            assertThatThrownBy(() -> store.updateWithLocking("doc", old -> {
                other.updateWithLocking("doc", o -> o + "!");
                return old;
            }, 1)).isInstanceOf(OptimisticLockException.class);

            assertThat(log.lines()).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("DEBUG "));
        }
    }

    @BackendTest
    void everyLostAttempt_isToldToTheRetryListenerWithWhetherARetryFollows(Backend backend) {
        Database db = databases.open(backend);
        List<String> told = Collections.synchronizedList(new ArrayList<>());
        OptimisticStore store = new OptimisticStore(db, Backoff.NONE, new RetryListener() {
            @Override
            public void versionConflict(String key, int attempt, boolean retrying) {
                told.add(key + " " + attempt + " " + retrying);
            }
        });
        OptimisticStore other = new OptimisticStore(db);
        store.create("doc", "a");

        assertThatThrownBy(() -> store.updateWithLocking("doc", old -> {
            other.updateWithLocking("doc", o -> o + "!");
            return old + "+mine";
        }, 2)).isInstanceOf(OptimisticLockException.class);
        store.updateWithLocking("doc", old -> old + "+quiet");

        assertThat(told).containsExactly("doc 1 true", "doc 2 false");
    }

    @BackendTest
    void concurrentIncrements_conflictAndLoseNoUpdate(Backend backend) {
        AtomicInteger conflicts = new AtomicInteger();
        OptimisticStore store = new OptimisticStore(databases.open(backend), Backoff.DEFAULT, new RetryListener() {
            @Override
            public void versionConflict(String key, int attempt, boolean retrying) {
                conflicts.incrementAndGet();
            }
        }, RetryLogging.QUIET);
        store.create("counter", "0");
        int threads = 8;
        int perThread = 25;

        List<Integer> succeeded = Concurrently.run(threads, worker -> {
            int ok = 0;
            for (int i = 0; i < perThread; i++) {
                try {
                    store.updateWithLocking("counter", OptimisticRetryIT::increment, 3);
                    ok++;
                } catch (OptimisticLockException gaveUp) {
                    // Allowed: nothing was written, and the caller was told.
                }
            }
            return ok;
        });

        int successes = succeeded.stream().mapToInt(Integer::intValue).sum();
        VersionedRecord end = store.read("counter").orElseThrow();
        assertThat(successes).isPositive();
        assertThat(conflicts).as("the writers really collided (else this test shows nothing)").hasPositiveValue();
        assertThat(Long.parseLong(end.content())).as("every acknowledged increment is in the counter")
                .isEqualTo(successes);
        assertThat(end.version()).isEqualTo(1 + successes);
    }

    @BackendTest
    void concurrentIncrementsWithEnoughAttempts_allSucceed(Backend backend) {
        OptimisticStore store = new OptimisticStore(databases.open(backend), Backoff.DEFAULT, RetryListener.NONE,
                RetryLogging.QUIET);
        store.create("counter", "0");

        Concurrently.run(8, worker -> {
            for (int i = 0; i < 25; i++) {
                store.updateWithLocking("counter", OptimisticRetryIT::increment, 10_000);
            }
            return null;
        });

        assertThat(store.read("counter").orElseThrow().content()).isEqualTo("200");
    }
}
