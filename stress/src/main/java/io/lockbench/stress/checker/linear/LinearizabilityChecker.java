package io.lockbench.stress.checker.linear;

import io.lockbench.stress.checker.Anomaly;
import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.checker.Checker;
import io.lockbench.stress.checker.Verdict;
import io.lockbench.stress.history.History;
import io.lockbench.stress.history.Op;
import io.lockbench.stress.history.HistoryProblem;
import io.lockbench.stress.history.HistoryValidator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Checks that a history is linearizable with respect to a {@link Model}: each key on its own
 * (P-compositionality), keys in parallel, each with {@link LinearizationSearch}.
 *
 * <p>A malformed history ({@link HistoryValidator}) is refused with "unknown". A key whose
 * search spends the budget is "unknown" with the reason; one non-linearizable key makes the
 * history invalid, whatever the others say.
 */
public final class LinearizabilityChecker implements Checker {

    /** Invalid keys reported in full; the rest are only counted. */
    private static final int MAX_REPORTED_KEYS = 10;

    private final Model<?, ?> model;
    private final SearchBudget budget;

    public LinearizabilityChecker(Model<?, ?> model, SearchBudget budget) {
        this.model = model;
        this.budget = budget;
    }

    public LinearizabilityChecker(Model<?, ?> model) {
        this(model, SearchBudget.defaults());
    }

    @Override
    public String name() {
        return "linearizable";
    }

    public Model<?, ?> model() {
        return model;
    }

    @Override
    public CheckResult check(History history) {
        long start = System.nanoTime();
        List<HistoryProblem> problems = HistoryValidator.validate(history);
        if (!problems.isEmpty()) {
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("model", model.name());
            stats.put("problems", problems.size());
            return CheckResult.unknown(name(), HistoryValidator.summarize(problems), stats);
        }
        long deadline = start + budget.timeLimit().toNanos();
        List<KeyPartition.Part> parts = KeyPartition.of(history);
        List<KeyOutcome> outcomes = checkKeys(model, history, parts, deadline);
        return summarize(history, parts, outcomes, System.nanoTime() - start);
    }

    private <S, O> List<KeyOutcome> checkKeys(Model<S, O> m, History history, List<KeyPartition.Part> parts,
                                              long deadline) {
        List<KeyCompilation.Compiled<S, O>> compiled = KeyCompilation.compile(m, history, parts);
        return IntStream.range(0, parts.size()).parallel()
                .mapToObj(i -> checkKey(parts.get(i).key(), compiled.get(i), deadline))
                .toList();
    }

    private <S, O> KeyOutcome checkKey(Object key, KeyCompilation.Compiled<S, O> compiled, long deadline) {
        if (System.nanoTime() - deadline > 0) {
            return KeyOutcome.unknown(key, "time budget spent before this key was checked");
        }
        if (compiled.history() == null) {
            return KeyOutcome.unknown(key, compiled.problem());
        }
        return search(compiled.history(), compiled.table(), deadline);
    }

    /**
     * The tiers of {@link SearchMode}: frugal first (fast, and its success is proof); if it hit
     * a dead end after dropping configurations, relaxed (its dead end is proof); else exact.
     */
    private <S, O> KeyOutcome search(KeyHistory compiled, StepTable<S, O> table, long deadline) {
        LinearizationSearch<S, O> frugal = new LinearizationSearch<>(compiled, table, SearchMode.FRUGAL, budget, deadline);
        KeyOutcome first = frugal.run();
        if (first.verdict() != Verdict.INVALID || !frugal.droppedConfigurations()) {
            return first;
        }
        KeyOutcome sofar = first;
        if (compiled.successorsDetermined) {
            // (where results depend on the state, reusable indeterminate ops could be applied forever)
            KeyOutcome relaxed = new LinearizationSearch<>(compiled, table, SearchMode.RELAXED, budget, deadline).run();
            if (relaxed.verdict() == Verdict.INVALID) {
                return relaxed.plus(first);
            }
            sofar = relaxed.plus(first);
        }
        KeyOutcome exact = new LinearizationSearch<>(compiled, table, SearchMode.EXACT, budget, deadline).run();
        return exact.plus(sofar);
    }

    private CheckResult summarize(History history, List<KeyPartition.Part> parts, List<KeyOutcome> outcomes,
                                  long elapsedNanos) {
        Verdict verdict = Verdict.VALID;
        List<Anomaly> anomalies = new ArrayList<>();
        long states = 0;
        long hits = 0;
        int peak = 0;
        long searched = 0;
        int invalidKeys = 0;
        int unknownKeys = 0;
        KeyOutcome firstUnknown = null;
        List<Object> invalidKeyNames = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            KeyOutcome o = outcomes.get(i);
            verdict = verdict.and(o.verdict());
            states += o.configurations();
            hits += o.cacheHits();
            peak = Math.max(peak, o.peakConfigurations());
            searched += o.operations();
            if (o.verdict() == Verdict.INVALID) {
                invalidKeys++;
                if (anomalies.size() < MAX_REPORTED_KEYS) {
                    anomalies.add(NonLinearizableReport.anomaly(history, parts.get(i), o.failure()));
                    invalidKeyNames.add(o.key());
                }
            } else if (o.verdict() == Verdict.UNKNOWN) {
                unknownKeys++;
                if (firstUnknown == null) {
                    firstUnknown = o;
                }
            }
        }
        long ops = 0;
        for (Op op : history) {
            if (op.isInvoke() && op.process() != Op.NEMESIS) {
                ops++;
            }
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("model", model.name());
        stats.put("ops", ops);
        stats.put("ops-searched", searched);
        stats.put("keys", parts.size());
        stats.put("elapsed-ms", elapsedNanos / 1_000_000);
        stats.put("states-explored", states);
        stats.put("cache-hits", hits);
        stats.put("peak-states", peak);
        stats.put("keys-invalid", invalidKeys);
        stats.put("keys-unknown", unknownKeys);
        String scope = parts.size() + (parts.size() == 1 ? " key, " : " keys, ") + ops + " ops";
        return switch (verdict) {
            case VALID -> CheckResult.valid(name(), model.name() + ": " + scope + ": linearizable", stats);
            case INVALID -> CheckResult.invalid(name(), model.name() + ": " + scope + ": not linearizable"
                    + (parts.size() == 1 && parts.get(0).key() == null ? ""
                    : " (" + invalidKeys + (invalidKeys == 1 ? " key" : " keys") + ": " + keyList(invalidKeyNames, invalidKeys) + ")"),
                    anomalies, stats);
            case UNKNOWN -> CheckResult.unknown(name(), model.name() + ": " + scope + ": unknown: "
                    + (firstUnknown.key() == null ? "" : "key " + firstUnknown.key() + ": ") + firstUnknown.reason()
                    + (unknownKeys > 1 ? " (" + unknownKeys + " keys undecided)" : ""), stats);
        };
    }

    private static String keyList(List<Object> names, int total) {
        StringBuilder b = new StringBuilder();
        for (Object k : names) {
            b.append(b.length() == 0 ? "" : ", ").append(k);
        }
        if (total > names.size()) {
            b.append(", ...");
        }
        return b.toString();
    }
}
