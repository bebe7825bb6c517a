package io.lockbench.stress.client;

import io.lockbench.api.Completion;
import io.lockbench.api.Operation;
import io.lockbench.impl.agent.AgentContext;
import io.lockbench.impl.agent.AgentLog;
import io.lockbench.impl.agent.AgentScopedContext;
import io.lockbench.impl.agent.AgentSessions;
import io.lockbench.impl.agent.GlobalLastWriterWinsContext;
import io.lockbench.impl.agent.HeartbeatResult;
import io.lockbench.impl.agent.LogEntry;
import io.lockbench.impl.agent.ProjectUpdate;
import io.lockbench.impl.catalog.Variant;
import java.util.Arrays;
import java.util.List;

/**
 * The agent workload on an agent-context variant: the agent's project by compare-and-set, its
 * log, and its lease ({@code heartbeat} extends it, or starts a new one when it lapsed).
 */
final class AgentClient extends ReferenceClient {

    private AgentContext projects;
    private AgentSessions sessions;
    private AgentLog log;

    AgentClient(Variant variant) {
        super(variant);
    }

    @Override
    protected void opened() {
        projects = switch (variant) {
            case AGENT_SCOPED -> new AgentScopedContext(db);
            case GLOBAL_LAST_WRITER_WINS -> new GlobalLastWriterWinsContext(db);
            default -> throw new IllegalArgumentException(variant.cliName() + " is not an agent-context variant");
        };
        sessions = new AgentSessions(db, context.duration("lease-ttl").orElse(AgentSessions.DEFAULT_LEASE_TTL));
        log = new AgentLog(db);
    }

    @Override
    public Completion invoke(Operation op) {
        return switch (op.f()) {
            case "read" -> Completion.ok(projects.currentProject((String) op.key())
                    .map(p -> Arrays.<Object>asList(p.version(), p.project())).orElse(Arrays.asList(0L, null)));
            case "write" -> write((String) op.key(), (List<?>) op.value());
            case "heartbeat" -> {
                String agent = (String) op.key();
                if (!(sessions.heartbeat(agent) instanceof HeartbeatResult.Extended)) {
                    sessions.start(agent);
                }
                yield Completion.ok(null);
            }
            case "txn" -> txn((List<?>) op.value());
            default -> throw new IllegalArgumentException("the agent workload has no operation '" + op.f() + "'");
        };
    }

    private Completion write(String agent, List<?> value) {
        long expected = ((Number) value.get(0)).longValue();
        ProjectUpdate u = projects.setProject(agent, expected, (String) value.get(1));
        if (u instanceof ProjectUpdate.Updated) {
            return Completion.ok(value);
        }
        if (u instanceof ProjectUpdate.VersionConflict c) {
            return Completion.fail("VERSION_CONFLICT", "agent '" + agent + "' is at version " + c.currentVersion()
                    + ", not " + expected);
        }
        return Completion.fail("LEASE", "agent '" + agent + "' has no valid lease: " + u);
    }

    /** One micro-op: {@code ["append", agent, entry]} or {@code ["r", agent, nil]}. */
    private Completion txn(List<?> micro) {
        List<?> mop = (List<?>) micro.get(0);
        String agent = (String) mop.get(1);
        if ("append".equals(mop.get(0))) {
            log.append(agent, (String) mop.get(2));
            return Completion.ok(micro);
        }
        List<String> entries = log.read(agent).stream().map(LogEntry::entry).toList();
        return Completion.ok(List.of(Arrays.asList("r", agent, entries)));
    }
}
