package io.lockbench.bench.results;

import java.util.List;

/**
 * One number JMH reported, with its error (half the 99.9 % confidence interval; NaN when JMH
 * had too few iterations to give one), its unit as JMH wrote it ({@code ops/s}, {@code us/op},
 * {@code #} for a count) and its value in each measured iteration, fork after fork ({@code rawData}).
 */
public record Metric(double score, double error, String unit, List<Double> iterations) {

    public Metric {
        iterations = List.copyOf(iterations);
    }

    public Metric(double score, double error, String unit) {
        this(score, error, unit, List.of());
    }

    /** The score in operations per second, whatever the time unit of an {@code ops/…} unit. */
    public double perSecond() {
        return score * TimeUnits.perSecondFactor(unit);
    }

    /** The score in microseconds, whatever the time unit of a {@code …/op} unit. */
    public double micros() {
        return score * TimeUnits.microsFactor(unit);
    }
}
