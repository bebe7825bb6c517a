package io.lockbench.stress.checker;

import io.lockbench.stress.history.History;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs several checkers on one history; the result is as valid as the weakest of them. */
public final class CompositeChecker implements Checker {

    private final List<Checker> checkers;

    public CompositeChecker(List<Checker> checkers) {
        if (checkers.isEmpty()) {
            throw new IllegalArgumentException("a composite checker needs at least one checker");
        }
        this.checkers = List.copyOf(checkers);
    }

    public static CompositeChecker of(Checker... checkers) {
        return new CompositeChecker(List.of(checkers));
    }

    @Override
    public String name() {
        return "compose";
    }

    /** Each part's result, in the order given. */
    public List<CheckResult> checkEach(History history) {
        List<CheckResult> results = new ArrayList<>();
        for (Checker c : checkers) {
            results.add(c.check(history));
        }
        return results;
    }

    @Override
    public CheckResult check(History history) {
        List<CheckResult> parts = checkEach(history);
        Verdict verdict = Verdict.VALID;
        List<Anomaly> anomalies = new ArrayList<>();
        Map<String, Object> stats = new LinkedHashMap<>();
        StringBuilder summary = new StringBuilder();
        for (CheckResult r : parts) {
            verdict = verdict.and(r.verdict());
            anomalies.addAll(r.anomalies());
            // Each part's verdict under its name, and what it measured as "<name>.<stat>".
            stats.put(r.checker(), r.verdict().name().toLowerCase(java.util.Locale.ROOT));
            r.stats().forEach((k, v) -> stats.put(r.checker() + "." + k, v));
            if (summary.length() > 0) {
                summary.append("; ");
            }
            summary.append(r.checker()).append(": ").append(r.summary());
        }
        return new CheckResult(name(), verdict, summary.toString(), anomalies, stats);
    }
}
