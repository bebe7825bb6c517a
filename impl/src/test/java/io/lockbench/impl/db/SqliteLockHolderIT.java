package io.lockbench.impl.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockbench.impl.agent.AgentLog;
import io.lockbench.impl.agent.AgentSessions;
import io.lockbench.impl.agent.AppendResult;
import io.lockbench.impl.agent.Lease;
import io.lockbench.impl.agent.StartResult;
import io.lockbench.impl.agent.LogEntry;
import io.lockbench.impl.claims.ClaimResult;
import io.lockbench.impl.claims.ClaimStore;
import io.lockbench.impl.claims.PessimisticClaimStore;
import io.lockbench.impl.claims.SessionInfo;
import io.lockbench.impl.optimistic.OptimisticStore;
import io.lockbench.impl.optimistic.VersionedRecord;
import io.lockbench.impl.sequence.ConstrainedFileVersions;
import io.lockbench.impl.sequence.FileVersion;
import io.lockbench.impl.testing.Concurrently;
import io.lockbench.impl.testing.DatabaseFixture;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Another connection holds SQLite's write lock longer than busy_timeout (a migration, a repair,
 * a batch job in another process), so every pooled connection's BEGIN IMMEDIATE times out. The
 * pool must come out of it with no connection stuck in an unknown transaction state: afterwards
 * every strategy keeps its guarantees on the same pool.
 *
 * <p>SQLite only: PostgreSQL has no busy_timeout, and a BEGIN there never waits for a lock.
 */
class SqliteLockHolderIT {

    static final int POOL = 4;
    static final Duration BUSY_TIMEOUT = Duration.ofMillis(250);
    static final Duration HELD_FOR = Duration.ofMillis(1_000);

    @RegisterExtension
    final DatabaseFixture databases = new DatabaseFixture();

    Database db;
    String url;

    @BeforeEach
    void poisonEveryPooledConnection() throws Exception {
        db = databases.open(Backend.SQLITE, config -> config.withMaxPoolSize(POOL).withSqliteBusyTimeout(BUSY_TIMEOUT));
        url = db.url();
        db.withConnection(c -> execute(c, "CREATE TABLE rows_of_one_txn (id INTEGER PRIMARY KEY, note TEXT)"));
        // Migrate every strategy's tables before the lock is taken.
        new OptimisticStore(db);
        new ConstrainedFileVersions(db);
        new PessimisticClaimStore(db, Duration.ofMinutes(5));
        new AgentLog(db);

        List<ErrorKind> failures = new ArrayList<>();
        try (Connection holder = DriverManager.getConnection(url); Statement s = holder.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            CountDownLatch done = new CountDownLatch(POOL);
            failures.addAll(Concurrently.run(POOL, w -> {
                try {
                    db.inTransaction(c -> execute(c, "INSERT INTO rows_of_one_txn(note) VALUES ('while held')"));
                    return null;
                } catch (DatabaseException e) {
                    return e.kind();
                } finally {
                    done.countDown();
                }
            }));
            done.await();
            Thread.sleep(Math.max(0, HELD_FOR.toMillis() - BUSY_TIMEOUT.toMillis()));
            s.execute("ROLLBACK");
        }
        // The lock really was held past busy_timeout: every transaction that wanted it failed.
        assertThat(failures).as("transactions while the lock was held").containsOnly(ErrorKind.BUSY);
    }

    @Test
    void afterTheLockIsReleased_aTransactionThatThrowsLeavesNothingBehind() {
        for (int i = 0; i < POOL * 3; i++) {
            int attempt = i;
            assertThatThrownBy(() -> db.inTransaction(c -> {
                execute(c, "INSERT INTO rows_of_one_txn(note) VALUES ('rolled back " + attempt + "')");
                throw new IllegalStateException("the work failed after its first write");
            })).isInstanceOf(IllegalStateException.class);
        }

        assertThat(count("SELECT COUNT(*) FROM rows_of_one_txn")).as("rows of transactions that threw").isZero();
    }

    @Test
    void afterTheLockIsReleased_aSuccessfulTransactionCommitsWithoutError() {
        for (int i = 0; i < POOL * 3; i++) {
            db.inTransaction(c -> execute(c, "INSERT INTO rows_of_one_txn(note) VALUES ('committed')"));
        }

        assertThat(count("SELECT COUNT(*) FROM rows_of_one_txn")).isEqualTo(POOL * 3);
    }

    @Test
    void afterTheLockIsReleased_claimsIssueEveryFencingTokenOnce() {
        ClaimStore store = new PessimisticClaimStore(db, Duration.ofMinutes(5));
        int rounds = 60;

        List<List<Long>> tokens = Concurrently.run(POOL, w -> {
            String session = store.startSession(SessionInfo.ofThisProcess()).id();
            List<Long> mine = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                ClaimResult result = busyAsNull(() -> store.claim("doc", session));
                if (result instanceof ClaimResult.Granted g) {
                    mine.add(g.claim().token());
                    busyAsNull(() -> store.release(g.claim()));
                }
            }
            return mine;
        });

        List<Long> all = tokens.stream().flatMap(List::stream).toList();
        assertThat(all).as("fencing tokens granted").isNotEmpty().doesNotHaveDuplicates();
    }

    @Test
    void afterTheLockIsReleased_versionsAreUniqueAndEveryReportedAppendIsThereOnce() {
        ConstrainedFileVersions files = new ConstrainedFileVersions(db);
        files.create("a.txt", "v1");
        int perWorker = 40;

        List<String> failed = java.util.Collections.synchronizedList(new ArrayList<>());
        List<List<String>> reported = Concurrently.run(POOL, w -> {
            List<String> ok = new ArrayList<>();
            for (int i = 0; i < perWorker; i++) {
                String payload = "w" + w + "-" + i;
                if (busyAsNull(() -> files.update("a.txt", payload)) != null) {
                    ok.add(payload);
                } else {
                    failed.add(payload);
                }
            }
            return ok;
        });

        List<FileVersion> history = files.history("a.txt");
        List<Long> versions = history.stream().map(FileVersion::version).toList();
        assertThat(versions).doesNotHaveDuplicates().isSorted();
        assertThat(versions).last().isEqualTo((long) history.size());
        List<String> contents = history.stream().map(FileVersion::content).toList();
        assertThat(contents).doesNotHaveDuplicates();
        List<String> acknowledged = reported.stream().flatMap(List::stream).toList();
        assertThat(contents).containsAll(acknowledged);
        assertThat(failed).as("appends reported failed").noneMatch(contents::contains);
        assertThat(history).hasSize(1 + acknowledged.size());
    }

    @Test
    void afterTheLockIsReleased_logAppendsAreNumberedOnceEach() {
        AgentLog log = new AgentLog(db);
        Lease lease = ((StartResult.Started) new AgentSessions(db).start("agent-1")).lease();
        int perWorker = 40;

        List<List<Long>> seqs = Concurrently.run(POOL, w -> {
            List<Long> mine = new ArrayList<>();
            for (int i = 0; i < perWorker; i++) {
                String entry = "w" + w + "-" + i;
                AppendResult appended = busyAsNull(() -> log.append(lease, entry));
                if (appended != null) {
                    mine.add(((AppendResult.Appended) appended).entry().seq());
                }
            }
            return mine;
        });

        List<LogEntry> entries = log.read("agent-1");
        Set<Long> reported = seqs.stream().flatMap(List::stream).collect(Collectors.toSet());
        assertThat(entries).hasSize(reported.size());
        Set<Long> stored = entries.stream().map(LogEntry::seq).collect(Collectors.toSet());
        assertThat(stored).isEqualTo(reported);
    }

    @Test
    void afterTheLockIsReleased_optimisticIncrementsLoseNothing() {
        OptimisticStore store = new OptimisticStore(db);
        store.create("counter", "0");
        int perWorker = 30;

        List<Integer> succeeded = Concurrently.run(POOL, w -> {
            int ok = 0;
            for (int i = 0; i < perWorker; i++) {
                if (busyAsNull(() -> store.updateWithLocking("counter", v -> Integer.toString(Integer.parseInt(v) + 1),
                        100)) != null) {
                    ok++;
                }
            }
            return ok;
        });

        VersionedRecord end = store.read("counter").orElseThrow();
        int total = succeeded.stream().mapToInt(Integer::intValue).sum();
        assertThat(Integer.parseInt(end.content())).isEqualTo(total);
        assertThat(end.version()).isEqualTo(1L + total);
    }

    /**
     * The operation's result, or null when it failed with SQLITE_BUSY: with the short busy timeout
     * that made the lock holder poison the pool, a loaded machine makes honest BUSY failures too. A
     * failed operation must then have left nothing behind, which the tests check.
     */
    private static <T> T busyAsNull(java.util.function.Supplier<T> operation) {
        try {
            return operation.get();
        } catch (DatabaseException e) {
            if (e.kind() == ErrorKind.BUSY) {
                return null;
            }
            throw e;
        }
    }

    private long count(String sql) {
        return db.withConnection(c -> Jdbc.queryLong(c, sql));
    }

    private static Void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
        return null;
    }
}
