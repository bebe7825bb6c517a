package io.lockbench.bench;

import io.lockbench.bench.fixture.BenchDatabase;
import io.lockbench.bench.fixture.DatabaseBenchmark;
import io.lockbench.bench.fixture.Outcomes;
import io.lockbench.impl.agent.AgentSessions;
import io.lockbench.impl.agent.StartResult;
import io.lockbench.impl.db.DatabaseException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Control;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Agent-scoped context, its sessions: one operation starts the session of an agent never seen
 * before (a new row, lease epoch 1), alongside {@code keys} agents already holding leases. The
 * seed's "1,000 sessions" is this in single-shot mode with batches of 1,000 ({@code -bm ss -bs
 * 1000 -p keys=1024}): the time to start 1,000 sessions next to 1,024 running ones.
 *
 * <p>Every iteration starts from {@code keys} agents with an hour-long lease.
 */
public class AgentSessionStartBenchmark extends DatabaseBenchmark {

    @State(Scope.Benchmark)
    public static class Agents extends BenchDatabase {

        AgentSessions sessions;

        @Override
        protected void createTables() {
            sessions = new AgentSessions(db, Duration.ofHours(1)); // migrates the agent tables
        }

        @Override
        protected void reset(Connection c) throws SQLException {
            String now = db.dialect().nowMillis();
            clear(c, "lb_agents");
            insertPerKey(c, "INSERT INTO lb_agents (agent, project, version, state, lease_epoch, started_at, "
                    + "heartbeat_at, lease_ms, ended_at) VALUES (?, NULL, 0, 'active', 1, " + now + ", " + now
                    + ", " + Duration.ofHours(1).toMillis() + ", NULL)");
        }
    }

    /** Names of agents that never existed: this thread's own, numbered on across iterations. */
    @State(Scope.Thread)
    public static class NewAgents {
        private long next;

        String next(ThreadParams params) {
            return "new-" + params.getThreadIndex() + "-" + (++next);
        }
    }

    @Benchmark
    public StartResult agentScoped(Agents agents, NewAgents names, ThreadParams thread, Outcomes outcomes,
                                   Control control) {
        String agent = names.next(thread);
        try {
            StartResult result = agents.sessions.start(agent);
            if (!(result instanceof StartResult.Started)) {
                throw new IllegalStateException("agent '" + agent + "' was new, yet its start gave " + result);
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
