package io.lockbench.reports;

import io.lockbench.bench.results.Baseline;
import io.lockbench.bench.results.SummaryRow;
import io.lockbench.impl.catalog.Variant;
import io.lockbench.stress.runner.RunResults;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which strategy fits which contention level, derived from the measured numbers alone: for each
 * backend and key count (1 key is one hot row, 1,024 keys spread the writes out), at the most
 * threads measured, the correct strategies are ranked by {@link Candidate#score()}. A winner is
 * named only when its error bar clears the runner-up's; otherwise the advice says the data is too
 * noisy (overlapping bars) or has no error bars at all (one iteration). A correct strategy that a
 * stress run found invalid on that backend is left out, and the advice says so. Broken twins are
 * never recommended.
 */
public final class Recommendation {

    private Recommendation() {
    }

    public static List<Advice> of(List<SummaryRow> rows, List<RunResults> stressRuns) {
        Map<String, Map<Integer, List<SummaryRow>>> cells = new TreeMap<>();
        for (SummaryRow r : rows) {
            if (r.variant().isPresent() && !r.variant().get().isBroken() && r.comparesStrategies() && !Double.isNaN(r.ratio())) {
                cells.computeIfAbsent(r.backend(), b -> new TreeMap<>())
                        .computeIfAbsent(keysOf(r), k -> new ArrayList<>()).add(r);
            }
        }
        List<Advice> advice = new ArrayList<>();
        cells.forEach((backend, byKeys) -> byKeys.forEach((keys, inCell) -> {
            int threads = inCell.stream().mapToInt(SummaryRow::threads).max().orElse(0);
            advice.add(advise(backend, inCell.get(0).keys(), threads,
                    inCell.stream().filter(r -> r.threads() == threads).toList(), stressRuns));
        }));
        return List.copyOf(advice);
    }

    static Advice advise(String backend, String keys, int threads, List<SummaryRow> rows, List<RunResults> stressRuns) {
        Map<Variant, String> invalid = invalidIn(backend, stressRuns);
        List<String> excluded = new ArrayList<>();
        List<Candidate> ranked = new ArrayList<>();
        for (SummaryRow r : rows) {
            Variant v = r.variant().orElseThrow();
            if (invalid.containsKey(v)) {
                excluded.add(v.cliName() + ": " + invalid.get(v));
            } else {
                ranked.add(Candidate.of(r));
            }
        }
        ranked.sort(Comparator.comparingDouble(Candidate::score).reversed());
        String where = Labels.backend(backend) + ", " + Labels.contention(keys) + " (" + Labels.keys(keys) + ", "
                + threads + (threads == 1 ? " thread" : " threads") + "): ";
        Decision decision;
        String text;
        if (ranked.isEmpty()) {
            decision = Decision.ONLY_ONE;
            text = where + "no correct strategy left to recommend.";
        } else if (ranked.size() == 1) {
            decision = Decision.ONLY_ONE;
            Candidate only = ranked.get(0);
            text = where + "only " + name(only) + " was measured here (" + score(only) + "); nothing to compare it with. "
                    + why(only);
        } else {
            Candidate best = ranked.get(0);
            Candidate next = ranked.get(1);
            if (!best.hasErrorBar() || !next.hasErrorBar()) {
                decision = Decision.NO_ERROR_BARS;
                text = where + "cannot decide: " + name(best) + " leads with " + score(best) + " against " + name(next)
                        + "'s " + score(next) + ", but a single measured iteration gives no error bars (the --quick "
                        + "preset); run with --full to decide. " + why(best) + " " + why(next);
            } else if (best.low() > next.high()) {
                decision = Decision.CLEAR;
                text = where + name(best) + " fits best: it keeps " + score(best) + " against " + name(next) + "'s "
                        + score(next) + ", and the error bars do not overlap. " + why(best) + " " + why(next);
            } else {
                decision = Decision.TOO_NOISY;
                text = where + "too noisy to decide between " + name(best) + " (" + score(best) + ") and " + name(next)
                        + " (" + score(next) + "): the error bars overlap (JMH's 99.9 % intervals). More measured "
                        + "iterations narrow them (e.g. -i 10 -f 2 on top of --full) before choosing on speed. "
                        + why(best) + " " + why(next);
            }
        }
        if (!excluded.isEmpty()) {
            text += " Left out: " + String.join("; ", excluded) + ".";
        }
        return new Advice(backend, keys, threads, decision, List.copyOf(ranked), List.copyOf(excluded), text);
    }

    /** Correct variants some stress run on this backend found invalid, with the run that did. */
    private static Map<Variant, String> invalidIn(String backend, List<RunResults> runs) {
        Map<Variant, String> invalid = new LinkedHashMap<>();
        for (RunResults r : runs) {
            if (!"invalid".equals(r.verdict()) || r.broken() || !Labels.sameBackend(backend, r.backend())) {
                continue;
            }
            try {
                invalid.putIfAbsent(Variant.parse(r.variant()), "invalid in stress run " + r.scenario());
            } catch (IllegalArgumentException notReference) {
                // a team's own client: not one of the strategies measured
            }
        }
        return invalid;
    }

    private static String name(Candidate c) {
        return "**" + c.variant().cliName() + "** (" + c.variant().strategy().displayName() + ")";
    }

    /** {@code 0.82× ± 0.05 of a raw UPDATE}: the share of the baseline kept in successful calls. */
    static String score(Candidate c) {
        String write = c.row().baseline() == Baseline.RAW_INSERT ? "a raw INSERT" : "a raw UPDATE";
        return Labels.ratio(c.score()) + (c.hasErrorBar() ? String.format(Locale.ROOT, " ± %.2f", c.error()) : "")
                + " of " + write;
    }

    /** What the counters say about a strategy's cost here: the reasons behind its score. */
    static String why(Candidate c) {
        SummaryRow.Counters k = c.row().perCall();
        List<String> parts = new ArrayList<>();
        per(parts, "conflicts", k.conflicts());
        per(parts, "retries", k.retries());
        per(parts, "give-ups", k.giveUps());
        per(parts, "unique violations retried", k.uniqueViolationsRetried());
        per(parts, "claims rejected", k.claimsRejected());
        per(parts, "busy errors", k.busyErrors());
        per(parts, "failed calls", k.failed());
        String counters = parts.isEmpty() ? "no conflicts, retries or failures" : String.join(", ", parts) + " per call";
        String latency = Double.isNaN(c.row().latencyMicros().p99()) ? ""
                : ", p99 " + Labels.micros(c.row().latencyMicros().p99());
        return c.variant().cliName() + ": " + counters + latency + ".";
    }

    private static void per(List<String> parts, String name, double perCall) {
        if (perCall > 0) {
            parts.add(String.format(Locale.ROOT, perCall >= 0.01 ? "%.2f %s" : "%.4f %s", perCall, name));
        }
    }

    private static int keysOf(SummaryRow r) {
        try {
            return Integer.parseInt(r.keys());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
