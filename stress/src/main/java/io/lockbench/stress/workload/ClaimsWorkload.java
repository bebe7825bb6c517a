package io.lockbench.stress.workload;

import io.lockbench.api.Completion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Pessimistic claims with fencing tokens, judged by the {@code mutex} checker. Each client is a
 * session; a worker that holds nothing claims a resource, and while it holds one it writes to it
 * with its token, heartbeats and eventually releases.
 *
 * <ul>
 *   <li>{@code acquire}: ok value {@code {token t, takeover true|false}}; fail when another session
 *       holds a fresh claim;</li>
 *   <li>{@code fenced-write}: value {@code {token t}}: ok when the resource accepted the write,
 *       fail when it refused the token (the claim was taken over);</li>
 *   <li>{@code heartbeat}: refreshes the session and its claims;</li>
 *   <li>{@code release}: releases the claim the worker holds on the key;</li>
 *   <li>{@code inspect}: ok value {@code {active-claims n}}, counted in one statement.</li>
 * </ul>
 */
final class ClaimsWorkload extends KeyedWorkload {

    static final Map<String, Double> MIX = new LinkedHashMap<>();
    static final Set<String> SETTINGS = Set.of("stale-after");
    private static final Set<String> WHILE_HOLDING = Set.of("fenced-write", "heartbeat", "release");

    static {
        MIX.put("acquire", 9.0);
        MIX.put("inspect", 1.0);
        MIX.put("fenced-write", 6.0);
        MIX.put("heartbeat", 2.0);
        MIX.put("release", 2.0);
    }

    private final OpMix idle;
    private final OpMix holding;

    ClaimsWorkload(WorkloadSpec spec) {
        super("claims", "res-", MIX, spec);
        OpMix.of(MIX, spec.mix()); // validates names and weights once
        Map<String, Double> idleDefaults = new LinkedHashMap<>();
        Map<String, Double> holdingDefaults = new LinkedHashMap<>();
        MIX.forEach((f, w) -> (WHILE_HOLDING.contains(f) ? holdingDefaults : idleDefaults).put(f, w));
        this.idle = OpMix.of(idleDefaults, only(spec.mix(), idleDefaults));
        this.holding = OpMix.of(holdingDefaults, only(spec.mix(), holdingDefaults));
    }

    private static Map<String, Double> only(Map<String, Double> given, Map<String, Double> names) {
        Map<String, Double> m = new LinkedHashMap<>(given);
        m.keySet().retainAll(names.keySet());
        return m;
    }

    @Override
    public List<CheckerUse> checkers() {
        return List.of(new CheckerUse("mutex", Set.of("acquire", "release", "fenced-write", "inspect")));
    }

    @Override
    public Generator generator(int worker, Random random) {
        return new Generator() {
            private volatile String heldKey;
            private long heldToken;
            private long writes;

            @Override
            public OpSpec next() {
                if (heldKey == null) {
                    String f = idle.next(random);
                    return new OpSpec(f, chooser.next(random), null);
                }
                String f = holding.next(random);
                if (f.equals("fenced-write")) {
                    Map<String, Object> value = new LinkedHashMap<>();
                    value.put("token", heldToken);
                    value.put("content", "w" + worker + "-" + (++writes));
                    return new OpSpec(f, heldKey, value);
                }
                return new OpSpec(f, f.equals("heartbeat") ? null : heldKey, null);
            }

            @Override
            public void completed(OpSpec op, Completion c) {
                switch (op.f()) {
                    case "acquire" -> {
                        if (c.isOk() && c.value() instanceof Map<?, ?> m && m.get("token") instanceof Number t) {
                            heldKey = (String) op.key();
                            heldToken = t.longValue();
                        }
                    }
                    case "release" -> heldKey = null;
                    case "fenced-write", "heartbeat" -> {
                        if (!c.isOk()) {
                            heldKey = null; // the claim was lost (or may have been): claim again
                        }
                    }
                    default -> {
                    }
                }
                if (c.isInfo()) {
                    heldKey = null; // the process is retired, and its session with it
                }
            }

            @Override
            public boolean holding() {
                return heldKey != null;
            }
        };
    }

    @Override
    public List<OpSpec> finalOps() {
        return eachKey("inspect");
    }

    @Override
    public Set<String> readOnlyOperations() {
        return Set.of("inspect");
    }
}
