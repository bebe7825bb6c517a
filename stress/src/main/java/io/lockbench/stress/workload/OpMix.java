package io.lockbench.stress.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Weighted choice among a workload's operations ({@code read: 1, write: 3}). */
public final class OpMix {

    private final List<String> fs;
    private final double[] cumulative;

    private OpMix(Map<String, Double> weights) {
        this.fs = new ArrayList<>(weights.keySet());
        this.cumulative = new double[fs.size()];
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        double sum = 0;
        for (int i = 0; i < fs.size(); i++) {
            sum += weights.get(fs.get(i)) / total;
            cumulative[i] = sum;
        }
    }

    /**
     * The scenario's weights over {@code defaults}: a name not among the defaults is an error
     * naming the valid ones; a weight must be ≥ 0 and at least one > 0.
     */
    public static OpMix of(Map<String, Double> defaults, Map<String, Double> given) {
        Map<String, Double> weights = new LinkedHashMap<>(defaults);
        for (Map.Entry<String, Double> e : given.entrySet()) {
            if (!defaults.containsKey(e.getKey())) {
                throw new IllegalArgumentException("unknown operation '" + e.getKey() + "' in mix; valid: "
                        + String.join(", ", defaults.keySet()));
            }
            if (e.getValue() == null || e.getValue() < 0 || e.getValue().isNaN()) {
                throw new IllegalArgumentException("mix weight of '" + e.getKey() + "' must be a number ≥ 0, was "
                        + e.getValue());
            }
            weights.put(e.getKey(), e.getValue());
        }
        if (weights.values().stream().noneMatch(w -> w > 0)) {
            throw new IllegalArgumentException("mix: at least one operation needs a weight > 0");
        }
        return new OpMix(weights);
    }

    public String next(Random random) {
        double u = random.nextDouble();
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return fs.get(i);
            }
        }
        return fs.get(fs.size() - 1);
    }

    /** How often {@code f} is chosen, 0–1. */
    public double share(String f) {
        int i = fs.indexOf(f);
        if (i < 0) {
            return 0;
        }
        return cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
    }
}
