package io.lockbench.bench;

import io.lockbench.bench.fixture.BenchDatabase;
import io.lockbench.bench.fixture.BenchDefaults;
import io.lockbench.bench.fixture.DatabaseBenchmark;
import io.lockbench.bench.fixture.Outcomes;
import io.lockbench.impl.agent.AgentContext;
import io.lockbench.impl.agent.AgentScopedContext;
import io.lockbench.impl.agent.GlobalLastWriterWinsContext;
import io.lockbench.impl.agent.Lease;
import io.lockbench.impl.agent.ProjectSelection;
import io.lockbench.impl.agent.ProjectUpdate;
import io.lockbench.impl.db.DatabaseException;
import io.lockbench.impl.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Control;

/**
 * Agent-scoped context: one operation reads a random agent's current project and version, then
 * sets a new project by compare-and-set on that version (with the lease checked in the same
 * statement). A version that moved on between the two is a conflict, reported and not retried,
 * as the API does. The broken twin {@code globalLastWriterWins} reads and overwrites one global
 * row whatever the agent: {@code keys} means nothing to it, every thread writes the same row.
 * Compare with {@code RawWriteBenchmark.rawUpdate}.
 *
 * <p>Every iteration starts from {@code keys} agents with an hour-long lease (epoch 1) and no
 * project; each operation acts with that lease.
 */
public class AgentContextBenchmark extends DatabaseBenchmark {

    private static final long LEASE_MILLIS = TimeUnit.HOURS.toMillis(1);
    private static final long LEASE_EPOCH = 1;

    @State(Scope.Benchmark)
    public static class Agents extends BenchDatabase {

        AgentContext scoped;
        AgentContext global;

        @Override
        protected void createTables() {
            scoped = new AgentScopedContext(db); // migrates the agent tables
            global = new GlobalLastWriterWinsContext(db);
        }

        @Override
        protected void reset(Connection c) throws SQLException {
            String now = db.dialect().nowMillis();
            // The change history too: versions start again from 0, and (agent, version) is its key.
            clear(c, "lb_agents", "lb_agent_project_changes", "lb_global_context");
            insertPerKey(c, "INSERT INTO lb_agents (agent, project, version, state, lease_epoch, started_at, "
                    + "heartbeat_at, lease_ms, ended_at) VALUES (?, NULL, 0, 'active', " + LEASE_EPOCH + ", " + now
                    + ", " + now + ", " + LEASE_MILLIS + ", NULL)");
            Jdbc.update(c, "INSERT INTO lb_global_context (id, project, version, updated_at) VALUES (1, NULL, 0, 0)");
        }
    }

    @Benchmark
    public ProjectUpdate agentScoped(Agents agents, Outcomes outcomes, Control control) {
        return readThenSet(agents.scoped, agents.randomKey(), outcomes, control);
    }

    @Benchmark
    public ProjectUpdate globalLastWriterWins(Agents agents, Outcomes outcomes, Control control) {
        return readThenSet(agents.global, agents.randomKey(), outcomes, control);
    }

    private static ProjectUpdate readThenSet(AgentContext context, String agent, Outcomes outcomes, Control control) {
        try {
            ProjectSelection current = context.currentProject(agent).orElseThrow();
            ProjectUpdate result = context.setProject(new Lease(agent, LEASE_EPOCH), current.version(),
                    BenchDefaults.PAYLOAD);
            if (result instanceof ProjectUpdate.Updated) {
                outcomes.ok++;
            } else if (result instanceof ProjectUpdate.VersionConflict) {
                outcomes.conflicts++;
            } else {
                throw new IllegalStateException("agent '" + agent + "' could not be updated: " + result
                        + " (every agent holds an hour-long lease during the benchmark)");
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
