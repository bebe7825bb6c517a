package io.lockbench.bench;

import io.lockbench.bench.fixture.BenchDatabase;
import io.lockbench.bench.fixture.BenchDefaults;
import io.lockbench.bench.fixture.DatabaseBenchmark;
import io.lockbench.bench.fixture.Outcomes;
import io.lockbench.impl.db.DatabaseException;
import io.lockbench.impl.optimistic.CheckContentAfterWriteStore;
import io.lockbench.impl.optimistic.OptimisticLockException;
import io.lockbench.impl.optimistic.OptimisticStore;
import io.lockbench.impl.optimistic.VerifyAfterWriteStore;
import io.lockbench.impl.optimistic.VersionedRecord;
import io.lockbench.impl.optimistic.VersionedStore;
import io.lockbench.impl.retry.Backoff;
import io.lockbench.impl.retry.RetryLogging;
import java.sql.Connection;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Control;

/**
 * Optimistic retry: one operation is {@code updateWithLocking} of a random record, as shipped
 * (read, then {@code UPDATE … WHERE version = ?}; 3 attempts, jittered backoff from 2 ms). Its
 * broken twins {@code verifyAfterWrite} (writes the version it computed) and {@code
 * checkContentAfterWrite} (increments the version) read, write unconditionally and read again:
 * one round trip more and almost no conflicts, because they do not notice them (they lose updates
 * instead). Conflicts are logged at DEBUG here ({@link RetryLogging#QUIET}), so logging is not
 * what is measured. Compare
 * with {@code RawWriteBenchmark.rawUpdate}; pgbench's pattern is a read then a conditional update.
 *
 * <p>Every iteration starts from {@code keys} records at version 1.
 */
public class OptimisticRetryBenchmark extends DatabaseBenchmark {

    @State(Scope.Benchmark)
    public static class Records extends BenchDatabase {

        @Override
        protected void createTables() {
            new OptimisticStore(db); // migrates lb_records
        }

        @Override
        protected void reset(Connection c) throws SQLException {
            clear(c, "lb_records");
            insertPerKey(c, "INSERT INTO lb_records (record_key, content, version, updated_at) VALUES (?, 'initial', 1, 0)");
        }
    }

    /**
     * Per thread, so each store tells its own thread's {@link Outcomes} about lost attempts (the
     * benchmarks reach the counters through here: JMH counts an injected counter state once).
     */
    @State(Scope.Thread)
    public static class Stores {
        Outcomes outcomes;
        VersionedStore optimistic;
        VersionedStore verifyAfterWrite;
        VersionedStore checkContentAfterWrite;

        @Setup(Level.Trial)
        public void open(Records records, Outcomes outcomes) {
            this.outcomes = outcomes;
            optimistic = new OptimisticStore(records.db(), Backoff.DEFAULT, outcomes, RetryLogging.QUIET);
            verifyAfterWrite = new VerifyAfterWriteStore(records.db());
            checkContentAfterWrite = new CheckContentAfterWriteStore(records.db());
        }
    }

    @Benchmark
    public VersionedRecord optimistic(Records records, Stores stores, Control control) {
        return update(stores.optimistic, records.randomKey(), stores.outcomes, control);
    }

    @Benchmark
    public VersionedRecord verifyAfterWrite(Records records, Stores stores, Control control) {
        return update(stores.verifyAfterWrite, records.randomKey(), stores.outcomes, control);
    }

    @Benchmark
    public VersionedRecord checkContentAfterWrite(Records records, Stores stores, Control control) {
        return update(stores.checkContentAfterWrite, records.randomKey(), stores.outcomes, control);
    }

    private static VersionedRecord update(VersionedStore store, String key, Outcomes outcomes, Control control) {
        try {
            VersionedRecord written = store.updateWithLocking(key, old -> BenchDefaults.PAYLOAD);
            outcomes.ok++;
            return written;
        } catch (OptimisticLockException e) {
            outcomes.giveUps++;
        } catch (DatabaseException e) {
            outcomes.failedWith(e);
        } finally {
            outcomes.completed(control);
        }
        return null;
    }
}
