package io.lockbench.bench.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The summary as plain ASCII text, one line per benchmark cell: throughput, ratio to the raw
 * baseline, latency percentiles, and every non-zero counter per call.
 */
public final class SummaryTable {

    private static final String HEADER = String.format(Locale.ROOT, "%-11s %-22s %5s %7s %10s %8s %7s %9s %9s %9s  %s",
            "backend", "benchmark", "keys", "threads", "ops/s", "+-", "ratio", "p50 us", "p99 us", "p99.9 us",
            "per call");

    private SummaryTable() {
    }

    public static String render(List<SummaryRow> rows) {
        List<SummaryRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(SummaryRow::backend)
                .thenComparing(r -> r.baseline().ordinal())
                .thenComparing(r -> !r.isBaseline())
                .thenComparing(SummaryRow::method)
                .thenComparingInt(r -> parseOr(r.keys()))
                .thenComparingInt(SummaryRow::threads));
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (SummaryRow r : sorted) {
            out.append(String.format(Locale.ROOT, "%-11s %-22s %5s %7d %10s %8s %7s %9s %9s %9s  %s",
                    r.backend(), r.method() + (r.isBaseline() ? "*" : ""), r.keys(), r.threads(),
                    number(r.opsPerSec()), number(r.opsError()), ratio(r.ratio()), number(r.latencyMicros().p50()),
                    number(r.latencyMicros().p99()), number(r.latencyMicros().p999()), perCall(r.perCall())))
                    .append('\n');
        }
        out.append("* raw baseline. ops/s = calls completed in the measured iterations / their time, all threads.")
                .append(" ratio = ops/s / the baseline's ops/s at the same backend, keys and threads")
                .append(" (rawInsert for constrainedSequence and maxPlusOne, rawUpdate for the rest).\n");
        return out.toString();
    }

    private static int parseOr(String keys) {
        try {
            return Integer.parseInt(keys);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (v >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.2f", v);
    }

    private static String ratio(double r) {
        return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.2fx", r);
    }

    private static String perCall(SummaryRow.Counters c) {
        List<String> parts = new ArrayList<>();
        add(parts, "conflicts", c.conflicts());
        add(parts, "retries", c.retries());
        add(parts, "give-ups", c.giveUps());
        add(parts, "unique violations retried", c.uniqueViolationsRetried());
        add(parts, "rejected", c.claimsRejected());
        add(parts, "busy", c.busyErrors());
        add(parts, "failed", c.failed());
        return String.join(", ", parts);
    }

    private static void add(List<String> parts, String name, double perCall) {
        if (perCall > 0) {
            parts.add(name + " " + String.format(Locale.ROOT, perCall >= 0.01 ? "%.2f" : "%.4f", perCall));
        }
    }
}
