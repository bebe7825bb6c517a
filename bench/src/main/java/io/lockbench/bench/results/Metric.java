package io.lockbench.bench.results;

/**
 * One number JMH reported, with its error (half the 99.9 % confidence interval; NaN when JMH
 * had too few iterations to give one) and its unit as JMH wrote it ({@code ops/s}, {@code us/op},
 * {@code #} for a count).
 */
public record Metric(double score, double error, String unit) {

    /** The score in operations per second, whatever the time unit of an {@code ops/…} unit. */
    public double perSecond() {
        return score * TimeUnits.perSecondFactor(unit);
    }

    /** The score in microseconds, whatever the time unit of a {@code …/op} unit. */
    public double micros() {
        return score * TimeUnits.microsFactor(unit);
    }
}
