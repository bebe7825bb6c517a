package io.lockbench.bench;

import io.lockbench.bench.fixture.BenchDatabase;
import io.lockbench.bench.fixture.BenchDefaults;
import io.lockbench.bench.fixture.DatabaseBenchmark;
import io.lockbench.bench.fixture.Outcomes;
import io.lockbench.impl.claims.CheckThenInsertClaimStore;
import io.lockbench.impl.claims.ClaimResult;
import io.lockbench.impl.claims.ClaimStore;
import io.lockbench.impl.claims.PessimisticClaimStore;
import io.lockbench.impl.claims.SessionInfo;
import io.lockbench.impl.db.DatabaseException;
import java.sql.Connection;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Control;

/**
 * Pessimistic claims: one operation claims a random resource and, when granted, releases it at
 * once (the work in between is nothing, so this is the cost of the claim protocol itself). Each
 * thread is one session. A claim refused because another session holds the resource counts in
 * {@code claimsRejected} and is still one operation, as in pgbench's claim pattern. The broken twin
 * {@code checkThenInsert} checks for an active claim in one statement and inserts in another,
 * without the index (two holders at once). The no-fencing twin is not benchmarked: it claims and
 * releases exactly as the correct store does and differs only in the resource write. Compare with
 * {@code RawWriteBenchmark.rawUpdate}.
 *
 * <p>Every iteration starts with no resources and no claims; the sessions live for the trial.
 */
public class PessimisticClaimsBenchmark extends DatabaseBenchmark {

    @State(Scope.Benchmark)
    public static class Resources extends BenchDatabase {

        ClaimStore pessimistic;
        ClaimStore checkThenInsert;

        @Override
        protected void createTables() {
            pessimistic = new PessimisticClaimStore(db);
            checkThenInsert = new CheckThenInsertClaimStore(db); // and its unindexed claims table
        }

        @Override
        protected void reset(Connection c) throws SQLException {
            clear(c, "lb_claims", "lb_claims_unindexed", "lb_resources");
        }
    }

    /** One session per thread, shared by both stores (they share the sessions table). */
    @State(Scope.Thread)
    public static class Holder {
        String session;

        @Setup(Level.Trial)
        public void startSession(Resources resources) {
            session = resources.pessimistic.startSession(SessionInfo.ofThisProcess()).id();
        }
    }

    @Benchmark
    public ClaimResult pessimisticClaims(Resources resources, Holder holder, Outcomes outcomes, Control control) {
        return claimAndRelease(resources.pessimistic, resources.randomKey(), holder.session, outcomes, control);
    }

    @Benchmark
    public ClaimResult checkThenInsert(Resources resources, Holder holder, Outcomes outcomes, Control control) {
        return claimAndRelease(resources.checkThenInsert, resources.randomKey(), holder.session, outcomes, control);
    }

    private static ClaimResult claimAndRelease(ClaimStore store, String resource, String session, Outcomes outcomes,
                                               Control control) {
        try {
            ClaimResult result = store.claim(resource, session);
            if (result instanceof ClaimResult.Granted granted) {
                store.release(granted.claim());
                outcomes.ok++;
            } else {
                outcomes.claimsRejected++;
            }
            return result;
        } catch (DatabaseException e) {
            outcomes.failedWith(e);
            return null;
        } finally {
            outcomes.completed(control);
        }
    }
}
