package io.lockbench.bench.results;

/** Converts JMH's score units ({@code ops/ms}, {@code us/op} …) to per second and to microseconds. */
final class TimeUnits {

    private TimeUnits() {
    }

    /** Factor from {@code ops/<unit>} to ops per second. */
    static double perSecondFactor(String unit) {
        if (!unit.startsWith("ops/")) {
            throw new IllegalArgumentException("not a throughput unit: " + unit);
        }
        return 1.0 / seconds(unit.substring(4));
    }

    /** Factor from {@code <unit>/op} to microseconds. */
    static double microsFactor(String unit) {
        if (!unit.endsWith("/op")) {
            throw new IllegalArgumentException("not a time-per-operation unit: " + unit);
        }
        return seconds(unit.substring(0, unit.length() - 3)) * 1e6;
    }

    /** A JMH time value as JMH writes it ({@code "2000 ms"}, {@code "1 s"}) in seconds; NaN if it is not one. */
    static double durationSeconds(String value) {
        String[] parts = value.trim().split("\\s+");
        if (parts.length != 2) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(parts[0]) * seconds(parts[1]);
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
    }

    /** How many seconds one JMH time unit is. */
    private static double seconds(String unit) {
        return switch (unit) {
            case "ns" -> 1e-9;
            case "us" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1;
            case "min" -> 60;
            case "hr" -> 3600;
            case "day" -> 86400;
            default -> throw new IllegalArgumentException("unknown JMH time unit '" + unit + "'");
        };
    }
}
