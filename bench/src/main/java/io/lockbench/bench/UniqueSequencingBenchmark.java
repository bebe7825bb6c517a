package io.lockbench.bench;

import io.lockbench.bench.fixture.BenchDatabase;
import io.lockbench.bench.fixture.BenchDefaults;
import io.lockbench.bench.fixture.DatabaseBenchmark;
import io.lockbench.bench.fixture.Outcomes;
import io.lockbench.impl.db.DatabaseException;
import io.lockbench.impl.retry.Backoff;
import io.lockbench.impl.retry.RetryLogging;
import io.lockbench.impl.sequence.ConstrainedFileVersions;
import io.lockbench.impl.sequence.FileVersion;
import io.lockbench.impl.sequence.FileVersions;
import io.lockbench.impl.sequence.MaxPlusOneFileVersions;
import io.lockbench.impl.sequence.SequenceConflictException;
import java.sql.Connection;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Control;

/**
 * Unique-constraint sequencing: one operation adds the next version of a random file, as shipped
 * (one transaction, {@code INSERT … SELECT MAX(version) + 1} under {@code UNIQUE(file_id,
 * version)}; a unique violation is retried, up to 20 attempts, jittered backoff from 2 ms). Its
 * broken twin {@code maxPlusOne} reads the maximum in one statement and inserts in another, into
 * a table without the constraint: never a conflict, and duplicate versions instead. Compare with
 * {@code RawWriteBenchmark.rawInsert}; pgbench's pattern retries the insert inside a plpgsql loop.
 *
 * <p>Every iteration starts from {@code keys} files at version 1.
 */
public class UniqueSequencingBenchmark extends DatabaseBenchmark {

    @State(Scope.Benchmark)
    public static class Files extends BenchDatabase {

        @Override
        protected void createTables() {
            new ConstrainedFileVersions(db); // migrates both version tables
        }

        @Override
        protected void reset(Connection c) throws SQLException {
            clear(c, "lb_file_versions", "lb_file_versions_legacy");
            for (String table : new String[] {"lb_file_versions", "lb_file_versions_legacy"}) {
                insertPerKey(c, "INSERT INTO " + table + " (file_id, version, content, reverted_from, created_at) "
                        + "VALUES (?, 1, 'v1', NULL, 0)");
            }
        }
    }

    /**
     * Per thread, so each store tells its own thread's {@link Outcomes} about lost attempts (the
     * benchmarks reach the counters through here: JMH counts an injected counter state once).
     */
    @State(Scope.Thread)
    public static class Stores {
        Outcomes outcomes;
        FileVersions constrained;
        FileVersions maxPlusOne;

        @Setup(Level.Trial)
        public void open(Files files, Outcomes outcomes) {
            this.outcomes = outcomes;
            // Every update writes the same payload: measure the insert, not the skip of unchanged content.
            constrained = new ConstrainedFileVersions(files.db(), Backoff.DEFAULT,
                    ConstrainedFileVersions.DEFAULT_MAX_ATTEMPTS, outcomes).newVersionWhenUnchanged(true)
                    .logging(RetryLogging.QUIET);
            maxPlusOne = new MaxPlusOneFileVersions(files.db());
        }
    }

    @Benchmark
    public FileVersion constrainedSequence(Files files, Stores stores, Control control) {
        return addVersion(stores.constrained, files.randomKey(), stores.outcomes, control);
    }

    @Benchmark
    public FileVersion maxPlusOne(Files files, Stores stores, Control control) {
        return addVersion(stores.maxPlusOne, files.randomKey(), stores.outcomes, control);
    }

    private static FileVersion addVersion(FileVersions store, String file, Outcomes outcomes, Control control) {
        try {
            FileVersion added = store.update(file, BenchDefaults.PAYLOAD);
            outcomes.ok++;
            return added;
        } catch (SequenceConflictException e) {
            outcomes.giveUps++;
        } catch (DatabaseException e) {
            outcomes.failedWith(e);
        } finally {
            outcomes.completed(control);
        }
        return null;
    }
}
