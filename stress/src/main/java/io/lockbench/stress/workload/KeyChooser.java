package io.lockbench.stress.workload;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Picks the key of the next operation: uniformly, with a hot spot (a share of operations on the
 * first key), or by a Zipf law (key i with weight 1 / (i + 1)^s). Pure: all randomness comes from
 * the caller's seeded {@link Random}.
 */
public final class KeyChooser {

    /** The distributions a scenario may name. */
    public static final List<String> DISTRIBUTIONS = List.of("uniform", "hotspot", "zipfian");

    private final List<String> keys;
    /** Cumulative weights, normalized to end at 1. */
    private final double[] cumulative;

    private KeyChooser(List<String> keys, double[] weights) {
        this.keys = List.copyOf(keys);
        this.cumulative = new double[weights.length];
        double total = Arrays.stream(weights).sum();
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] / total;
            cumulative[i] = sum;
        }
        cumulative[weights.length - 1] = 1.0;
    }

    /**
     * @param distribution {@code uniform}, {@code hotspot} or {@code zipfian}
     * @param parameter    hotspot: the share of operations on the first key (0–1); zipfian: the
     *                     exponent s (> 0); ignored for uniform
     */
    public static KeyChooser of(List<String> keys, String distribution, double parameter) {
        double[] weights = new double[keys.size()];
        switch (distribution) {
            case "uniform" -> Arrays.fill(weights, 1.0);
            case "hotspot" -> {
                if (keys.size() == 1) {
                    weights[0] = 1.0;
                } else {
                    Arrays.fill(weights, (1 - parameter) / (keys.size() - 1));
                    weights[0] = parameter;
                }
            }
            case "zipfian" -> {
                for (int i = 0; i < weights.length; i++) {
                    weights[i] = 1.0 / Math.pow(i + 1, parameter);
                }
            }
            default -> throw new IllegalArgumentException("unknown key distribution '" + distribution
                    + "'; valid: " + String.join(", ", DISTRIBUTIONS));
        }
        return new KeyChooser(keys, weights);
    }

    public String next(Random random) {
        if (keys.size() == 1) {
            return keys.get(0);
        }
        double u = random.nextDouble();
        int i = Arrays.binarySearch(cumulative, u);
        return keys.get(i >= 0 ? i : Math.min(-i - 1, keys.size() - 1));
    }

    public List<String> keys() {
        return keys;
    }
}
