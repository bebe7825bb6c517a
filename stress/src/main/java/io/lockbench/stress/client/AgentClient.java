package io.lockbench.stress.client;

import io.lockbench.api.Completion;
import io.lockbench.api.Operation;
import io.lockbench.impl.agent.AgentContext;
import io.lockbench.impl.agent.AgentLog;
import io.lockbench.impl.agent.AgentScopedContext;
import io.lockbench.impl.agent.AgentSession;
import io.lockbench.impl.agent.AgentSessions;
import io.lockbench.impl.agent.AgentStatus;
import io.lockbench.impl.agent.AppendResult;
import io.lockbench.impl.agent.GlobalLastWriterWinsContext;
import io.lockbench.impl.agent.HeartbeatResult;
import io.lockbench.impl.agent.Lease;
import io.lockbench.impl.agent.LogEntry;
import io.lockbench.impl.agent.ProjectUpdate;
import io.lockbench.impl.catalog.Variant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent workload on an agent-context variant: the agent's project by compare-and-set, its
 * log, and its lease ({@code heartbeat} extends it, or starts a new one when it lapsed).
 *
 * <p>The workers acting for one agent are its tasks and share its lease: a client acts with the
 * lease it last started or saw running, and an operation refused for a stale lease fails (nothing
 * was written); the client then takes up the agent's running lease for its next operation, as a
 * task that was paused past its lease would after asking again.
 */
final class AgentClient extends ReferenceClient {

    private AgentContext projects;
    private AgentSessions sessions;
    private AgentLog log;
    /** The lease this client acts with, per agent; absent until it starts or sees one running. */
    private final Map<String, Lease> leases = new HashMap<>();

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
                if (!(sessions.heartbeat(leaseFor(agent)) instanceof HeartbeatResult.Extended)) {
                    // Started: ours. AlreadyActive: another task of this agent started it first.
                    leases.put(agent, sessions.start(agent).session().lease());
                }
                yield Completion.ok(null);
            }
            case "txn" -> txn((List<?>) op.value());
            default -> throw new IllegalArgumentException("the agent workload has no operation '" + op.f() + "'");
        };
    }

    private Completion write(String agent, List<?> value) {
        long expected = ((Number) value.get(0)).longValue();
        ProjectUpdate u = projects.setProject(leaseFor(agent), expected, (String) value.get(1));
        if (u instanceof ProjectUpdate.Updated) {
            return Completion.ok(value);
        }
        if (u instanceof ProjectUpdate.VersionConflict c) {
            return Completion.fail("VERSION_CONFLICT", "agent '" + agent + "' is at version " + c.currentVersion()
                    + ", not " + expected);
        }
        leases.remove(agent);
        return Completion.fail("LEASE", "agent '" + agent + "' has no valid lease: " + u);
    }

    /** The lease to act with: the one this client holds, else the agent's last one (valid or not). */
    private Lease leaseFor(String agent) {
        Lease held = leases.get(agent);
        if (held != null) {
            return held;
        }
        Optional<AgentSession> session = sessions.find(agent);
        session.filter(s -> s.status() == AgentStatus.ACTIVE).ifPresent(s -> leases.put(agent, s.lease()));
        return session.map(AgentSession::lease).orElse(new Lease(agent, 0));
    }

    /** One micro-op: {@code ["append", agent, entry]} or {@code ["r", agent, nil]}. */
    private Completion txn(List<?> micro) {
        List<?> mop = (List<?>) micro.get(0);
        String agent = (String) mop.get(1);
        if ("append".equals(mop.get(0))) {
            AppendResult appended = log.append(leaseFor(agent), (String) mop.get(2));
            if (appended instanceof AppendResult.Appended) {
                return Completion.ok(micro);
            }
            leases.remove(agent);
            return Completion.fail("LEASE", "agent '" + agent + "' has no valid lease: " + appended);
        }
        List<String> entries = log.read(agent).stream().map(LogEntry::entry).toList();
        return Completion.ok(List.of(Arrays.asList("r", agent, entries)));
    }
}
