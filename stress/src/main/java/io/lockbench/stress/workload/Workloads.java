package io.lockbench.stress.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The workloads a scenario can name, and the settings each understands. */
public final class Workloads {

    public static final List<String> TYPES = List.of("register", "sequence", "claims", "agent");

    /** Settings every workload passes to its clients. */
    static final Set<String> COMMON_SETTINGS = Set.of("think-time", "op-timeout", "busy-timeout");

    private Workloads() {
    }

    /** @throws IllegalArgumentException for an unknown type, setting or mix entry, naming the valid ones */
    public static Workload of(WorkloadSpec spec) {
        if (spec.keys() == null || spec.keys() < 1 || spec.keys() > 100_000) {
            throw new IllegalArgumentException("keys must be between 1 and 100000, was " + spec.keys());
        }
        Workload w = switch (spec.type()) {
            case "register" -> new RegisterWorkload(spec);
            case "sequence" -> new SequenceWorkload(spec);
            case "claims" -> new ClaimsWorkload(spec);
            case "agent" -> new AgentWorkload(spec);
            default -> throw new IllegalArgumentException("unknown workload '" + spec.type() + "'; valid: "
                    + String.join(", ", TYPES));
        };
        Set<String> allowed = settingsOf(spec.type());
        for (String name : spec.settings().keySet()) {
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown setting '" + name + "' for workload " + spec.type()
                        + "; valid: " + String.join(", ", allowed.stream().sorted().toList()));
            }
            if (spec.duration(name).orElseThrow().isNegative()) {
                throw new IllegalArgumentException("setting '" + name + "' must not be negative, was "
                        + spec.settings().get(name));
            }
        }
        return w;
    }

    /** The settings a workload type understands. */
    public static Set<String> settingsOf(String type) {
        Set<String> s = new java.util.TreeSet<>(COMMON_SETTINGS);
        switch (type) {
            case "claims" -> s.addAll(ClaimsWorkload.SETTINGS);
            case "agent" -> s.addAll(AgentWorkload.SETTINGS);
            default -> {
            }
        }
        return s;
    }

    static List<String> keys(String prefix, int n) {
        List<String> keys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            keys.add(prefix + i);
        }
        return keys;
    }

    /**
     * Weights in the order given: the order the mix draws from, so it must not vary between JVMs
     * (as {@code Map.of}'s does) for a seed to give the same operations everywhere.
     */
    static Map<String, Double> weights(Object... fsAndWeights) {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < fsAndWeights.length; i += 2) {
            m.put((String) fsAndWeights[i], (Double) fsAndWeights[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    static KeyChooser chooser(WorkloadSpec spec, List<String> keys) {
        String distribution = spec.distribution() == null ? "uniform" : spec.distribution();
        double skew = spec.skew() == null ? 0 : spec.skew();
        if (distribution.equals("hotspot") && (skew <= 0 || skew > 1)) {
            skew = skew == 0 ? 0.9 : skew;
            if (skew <= 0 || skew > 1) {
                throw new IllegalArgumentException("skew of a hotspot distribution is the share of operations on the "
                        + "first key, between 0 and 1, was " + spec.skew());
            }
        }
        if (distribution.equals("zipfian")) {
            skew = skew == 0 ? 1.0 : skew;
            if (skew <= 0 || skew > 10) {
                throw new IllegalArgumentException("skew of a zipfian distribution is its exponent, > 0 and ≤ 10, was "
                        + spec.skew());
            }
        }
        return KeyChooser.of(keys, distribution, skew);
    }

    static OpMix mix(Map<String, Double> defaults, WorkloadSpec spec) {
        return OpMix.of(defaults, spec.mix());
    }
}
