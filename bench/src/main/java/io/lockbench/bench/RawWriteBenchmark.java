package io.lockbench.bench;

import io.lockbench.bench.fixture.BenchDatabase;
import io.lockbench.bench.fixture.BenchDefaults;
import io.lockbench.bench.fixture.DatabaseBenchmark;
import io.lockbench.bench.fixture.Outcomes;
import io.lockbench.impl.db.DatabaseException;
import io.lockbench.impl.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Control;

/**
 * The raw baseline: the same single-row write the strategies make, with no locking logic at all.
 * {@code rawUpdate} is one autocommitted {@code UPDATE … SET content = ?, version = version + 1
 * WHERE key = ?} (the write of optimistic
 * retry, claims and agent context); {@code rawInsert} one autocommitted {@code INSERT} of a
 * numbered row (the write of unique-constraint sequencing), numbered by the thread itself, with
 * no MAX read and no constraint. Both go through the same pool and {@code Database} calls as the
 * strategies, into tables shaped like theirs, so a strategy's ratio to its baseline is the price
 * of its locking logic: extra round trips, transactions, conflicts and retries.
 *
 * <p>Run alone: {@code java -jar bench/target/benchmarks.jar RawWriteBenchmark -p backend=sqlite}.
 */
public class RawWriteBenchmark extends DatabaseBenchmark {

    /** {@code lb_bench_rows} has the shape of {@code lb_records}; {@code lb_bench_log} that of the version tables. */
    @State(Scope.Benchmark)
    public static class Rows extends BenchDatabase {

        String update;
        String insert;

        @Override
        protected void createTables() {
            String now = db.dialect().nowMillis();
            db.withConnection(c -> {
                Jdbc.update(c, "CREATE TABLE IF NOT EXISTS lb_bench_rows (row_key VARCHAR(200) PRIMARY KEY, "
                        + "content TEXT NOT NULL, version BIGINT NOT NULL, updated_at BIGINT NOT NULL)");
                Jdbc.update(c, "CREATE TABLE IF NOT EXISTS lb_bench_log (id " + db.dialect().autoIdColumn() + ", "
                        + "row_key VARCHAR(200) NOT NULL, version BIGINT NOT NULL, content TEXT, "
                        + "created_at BIGINT NOT NULL)");
                Jdbc.update(c, "CREATE INDEX IF NOT EXISTS lb_bench_log_key ON lb_bench_log (row_key, version)");
                return null;
            });
            // version + 1 makes every update a real write: SQLite skips writing a page whose bytes
            // did not change, and the strategies' writes always change the version.
            update = "UPDATE lb_bench_rows SET content = ?, version = version + 1, updated_at = " + now
                    + " WHERE row_key = ?";
            insert = "INSERT INTO lb_bench_log (row_key, version, content, created_at) VALUES (?, ?, ?, " + now + ")";
        }

        @Override
        protected void reset(Connection c) throws SQLException {
            clear(c, "lb_bench_rows", "lb_bench_log");
            insertPerKey(c, "INSERT INTO lb_bench_rows (row_key, content, version, updated_at) VALUES (?, 'initial', 1, 0)");
        }
    }

    /** Each thread numbers its own inserts: no shared counter, no read. */
    @State(Scope.Thread)
    public static class Numbering {
        long next;
    }

    @Benchmark
    public int rawUpdate(Rows rows, Outcomes outcomes, Control control) {
        String key = rows.randomKey();
        try {
            int updated = rows.db().withConnection(c -> Jdbc.update(c, rows.update, BenchDefaults.PAYLOAD, key));
            outcomes.ok++;
            return updated;
        } catch (DatabaseException e) {
            outcomes.failedWith(e);
            return 0;
        } finally {
            outcomes.completed(control);
        }
    }

    @Benchmark
    public int rawInsert(Rows rows, Numbering numbering, Outcomes outcomes, Control control) {
        String key = rows.randomKey();
        long version = ++numbering.next;
        try {
            int inserted = rows.db().withConnection(c ->
                    Jdbc.update(c, rows.insert, key, version, BenchDefaults.PAYLOAD));
            outcomes.ok++;
            return inserted;
        } catch (DatabaseException e) {
            outcomes.failedWith(e);
            return 0;
        } finally {
            outcomes.completed(control);
        }
    }
}
