package io.lockbench.stress.workload;

import io.lockbench.api.Completion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Agent-scoped context: each agent's current project, changed by compare-and-set (the
 * {@code versioned} model, one register per agent), and each agent's append-only log (the
 * {@code list-append} checker). Several workers act for one agent at once, as the tasks of one
 * agent do, and share its lease.
 *
 * <ul>
 *   <li>{@code read}: the agent's project, ok value {@code [version, project]} ({@code [0, nil]}
 *       before the first);</li>
 *   <li>{@code write}: value {@code [expectedVersion, project]}: ok when set, fail on a version
 *       conflict or a lapsed or replaced lease;</li>
 *   <li>{@code txn}: Jepsen's list-append transaction of one micro-op on the agent's log:
 *       {@code [["append", agent, entry]]} (fail without a valid lease, like a write), or
 *       {@code [["r", agent, nil]]} whose ok value holds the entries read;</li>
 *   <li>{@code heartbeat}: extends the agent's lease, or starts a new one when it lapsed.</li>
 * </ul>
 */
final class AgentWorkload extends KeyedWorkload {

    static final Map<String, Double> MIX = new LinkedHashMap<>();
    static final Set<String> SETTINGS = Set.of("lease-ttl");

    static {
        MIX.put("read", 3.0);
        MIX.put("write", 3.0);
        MIX.put("append", 3.0);
        MIX.put("read-log", 1.0);
        MIX.put("heartbeat", 1.0);
    }

    private final OpMix mix;

    AgentWorkload(WorkloadSpec spec) {
        super("agent", "agent-", MIX, spec);
        this.mix = Workloads.mix(MIX, spec);
    }

    @Override
    public List<CheckerUse> checkers() {
        return List.of(new CheckerUse("versioned", Set.of("read", "write")),
                new CheckerUse("list-append", Set.of("txn")));
    }

    @Override
    public Generator generator(int worker, Random random) {
        VersionedWrites writes = new VersionedWrites(worker);
        return new Generator() {
            private long appended;

            @Override
            public OpSpec next() {
                String agent = chooser.next(random);
                return switch (mix.next(random)) {
                    case "read" -> writes.next(agent, true);
                    case "write" -> writes.next(agent, false);
                    case "append" -> new OpSpec("txn", null,
                            List.of(List.of("append", agent, "w" + worker + "-" + (++appended))));
                    case "read-log" -> readLog(agent);
                    default -> new OpSpec("heartbeat", agent, null);
                };
            }

            @Override
            public void completed(OpSpec op, Completion c) {
                writes.completed(op, c);
            }
        };
    }

    private static OpSpec readLog(String agent) {
        List<Object> read = new ArrayList<>();
        read.add("r");
        read.add(agent);
        read.add(null);
        return new OpSpec("txn", null, List.of(read));
    }

    @Override
    public List<OpSpec> finalOps() {
        List<OpSpec> ops = new ArrayList<>();
        for (String k : keys) {
            ops.add(new OpSpec("read", k, null));
            ops.add(readLog(k));
        }
        return ops;
    }

    @Override
    public Set<String> readOnlyOperations() {
        return Set.of("read");
    }
}
