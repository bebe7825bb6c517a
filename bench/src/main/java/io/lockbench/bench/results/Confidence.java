package io.lockbench.bench.results;

import java.util.List;

/**
 * The mean of a few per-iteration values and the half-width of its 99.9 % confidence interval
 * (Student's t, as JMH reports its own errors), NaN with fewer than two values.
 */
record Confidence(double mean, double error) {

    /** Two-sided 99.9 % quantiles of Student's t for 1 … 10 degrees of freedom. */
    private static final double[] T_999 = {636.62, 31.599, 12.924, 8.610, 6.869, 5.959, 5.408, 5.041, 4.781, 4.587};

    static Confidence of(List<Double> values) {
        int n = values.size();
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        if (n < 2) {
            return new Confidence(mean, Double.NaN);
        }
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double standardError = Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
        return new Confidence(mean, t999(n - 1) * standardError);
    }

    /** Beyond 10 degrees of freedom a slight overestimate: the table's last value down to the normal 3.29. */
    private static double t999(int degreesOfFreedom) {
        if (degreesOfFreedom <= T_999.length) {
            return T_999[degreesOfFreedom - 1];
        }
        return degreesOfFreedom >= 30 ? 3.646 : 4.587 - (degreesOfFreedom - 10) * (4.587 - 3.646) / 20;
    }
}
