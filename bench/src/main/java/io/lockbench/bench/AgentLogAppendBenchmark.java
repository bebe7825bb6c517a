package io.lockbench.bench;

import io.lockbench.bench.fixture.BenchDatabase;
import io.lockbench.bench.fixture.BenchDefaults;
import io.lockbench.bench.fixture.DatabaseBenchmark;
import io.lockbench.bench.fixture.Outcomes;
import io.lockbench.impl.agent.AgentLog;
import io.lockbench.impl.agent.AppendResult;
import io.lockbench.impl.agent.Lease;
import io.lockbench.impl.db.DatabaseException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Control;

/**
 * Agent-scoped context, its log: one operation appends an entry to a random agent's log, with
 * the lease checked (and the agent row-locked) in the same transaction that numbers the entry.
 * Appenders to one agent queue on its counter row. The seed's "16 concurrent appenders × 100
 * entries" is this at 16 threads in single-shot mode with batches of 100 ({@code -t 16 -bm ss
 * -bs 100}). The broken twin has no log of its own worth measuring: its appends skip the lease.
 *
 * <p>Every iteration starts from {@code keys} agents with an hour-long lease (epoch 1) and
 * empty logs.
 */
public class AgentLogAppendBenchmark extends DatabaseBenchmark {

    private static final long LEASE_MILLIS = TimeUnit.HOURS.toMillis(1);
    private static final long LEASE_EPOCH = 1;

    @State(Scope.Benchmark)
    public static class Logs extends BenchDatabase {

        AgentLog log;

        @Override
        protected void createTables() {
            log = new AgentLog(db); // migrates the agent tables
        }

        @Override
        protected void reset(Connection c) throws SQLException {
            String now = db.dialect().nowMillis();
            clear(c, "lb_agents", "lb_agent_log", "lb_agent_log_seq");
            insertPerKey(c, "INSERT INTO lb_agents (agent, project, version, state, lease_epoch, started_at, "
                    + "heartbeat_at, lease_ms, ended_at) VALUES (?, 'bench', 1, 'active', " + LEASE_EPOCH + ", " + now
                    + ", " + now + ", " + LEASE_MILLIS + ", NULL)");
        }
    }

    @Benchmark
    public AppendResult agentScoped(Logs logs, Outcomes outcomes, Control control) {
        String agent = logs.randomKey();
        try {
            AppendResult result = logs.log.append(new Lease(agent, LEASE_EPOCH), BenchDefaults.PAYLOAD);
            if (!(result instanceof AppendResult.Appended)) {
                throw new IllegalStateException("agent '" + agent + "' could not append: " + result
                        + " (every agent holds an hour-long lease during the benchmark)");
            }
            outcomes.ok++;
            return result;
        } catch (DatabaseException e) {
            outcomes.failedWith(e);
            return null;
        } finally {
            outcomes.completed(control);
        }
    }
}
