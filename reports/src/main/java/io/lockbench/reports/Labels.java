package io.lockbench.reports;

import java.util.Locale;

/** How the report names backends, contention levels and numbers, the same in HTML and Markdown. */
final class Labels {

    private Labels() {
    }

    static String backend(String backend) {
        return switch (backend.toLowerCase(Locale.ROOT)) {
            case "sqlite" -> "SQLite";
            case "postgres", "postgresql" -> "PostgreSQL";
            default -> backend;
        };
    }

    /** Bench results say {@code postgres}, stress results {@code postgresql}. */
    static boolean sameBackend(String a, String b) {
        return a != null && b != null && backend(a).equals(backend(b));
    }

    static String contention(String keys) {
        return switch (keys) {
            case "1" -> "one hot row";
            case "16" -> "moderate contention";
            case "1024" -> "spread out";
            default -> "contention level";
        };
    }

    static String keys(String keys) {
        try {
            int n = Integer.parseInt(keys);
            return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? "key" : "keys");
        } catch (NumberFormatException e) {
            return keys + " keys";
        }
    }

    static String ratio(double r) {
        return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.2f×", r);
    }

    static String micros(double us) {
        if (Double.isNaN(us)) {
            return "-";
        }
        return us >= 1000 ? String.format(Locale.ROOT, "%.1f ms", us / 1000) : String.format(Locale.ROOT, "%.0f µs", us);
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.2f", v);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, share >= 0.001 || share == 0 ? "%.1f %%" : "%.3f %%", 100 * share);
    }
}
