package io.lockbench.stress.checker.elle;

import io.lockbench.stress.checker.Anomaly;
import io.lockbench.stress.checker.CheckResult;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the anomalies found into a verdict for the models checked, as Elle does: invalid iff one
 * of them forbids an anomaly found; then, like Elle's {@code :not} and {@code :also-not}, the
 * weakest models the anomalies rule out and the stronger ones ruled out with them; and which of
 * the checked models' weaker models the history still satisfies. Anomalies the checked models
 * allow are not evidence: they are only counted in the summary.
 */
final class ModelJudgement {

    private ModelJudgement() {
    }

    static CheckResult judge(String checker, Set<ConsistencyModel> checked, List<Anomaly> found, String prefix,
                             Map<String, Object> stats) {
        Set<String> forbidden = new java.util.HashSet<>();
        Set<ConsistencyModel> weaker = EnumSet.noneOf(ConsistencyModel.class);
        for (ConsistencyModel m : checked) {
            forbidden.addAll(m.forbids());
            weaker.addAll(m.implies());
        }
        weaker.removeAll(checked);
        List<Anomaly> evidence = new ArrayList<>();
        List<Anomaly> allowed = new ArrayList<>();
        Set<String> types = new java.util.HashSet<>();
        for (Anomaly a : found) {
            (forbidden.contains(a.type()) ? evidence : allowed).add(a);
            types.add(a.type());
        }
        Set<ConsistencyModel> impossible = EnumSet.noneOf(ConsistencyModel.class);
        for (ConsistencyModel m : ConsistencyModel.values()) {
            if (m.forbids().stream().anyMatch(types::contains)) {
                impossible.add(m);
            }
        }
        Set<ConsistencyModel> not = EnumSet.noneOf(ConsistencyModel.class);
        for (ConsistencyModel m : impossible) {
            if (m.implies().stream().noneMatch(impossible::contains)) {
                not.add(m);
            }
        }
        Set<ConsistencyModel> alsoNot = EnumSet.copyOf(impossible.isEmpty() ? EnumSet.noneOf(ConsistencyModel.class)
                : impossible);
        alsoNot.removeAll(not);
        Set<ConsistencyModel> satisfied = EnumSet.copyOf(weaker.isEmpty() ? EnumSet.noneOf(ConsistencyModel.class)
                : weaker);
        satisfied.removeAll(impossible);

        Map<String, Object> s = new LinkedHashMap<>(stats);
        s.put("consistency-models", names(checked));
        s.put("not", names(not));
        s.put("also-not", names(alsoNot));
        s.put("satisfies", names(satisfied));
        // Allowed anomalies are not evidence, but a reader (and the fixtures) can still see their names.
        s.put("allowed-anomaly-types", allowed.stream().map(Anomaly::type).distinct().toList());

        StringBuilder summary = new StringBuilder(prefix).append(", checked ")
                .append(ConsistencyModel.describe(checked)).append(": ");
        summary.append(evidence.isEmpty() ? "valid" : countByType(evidence));
        if (!allowed.isEmpty()) {
            summary.append("; allowed there: ").append(countByType(allowed));
        }
        if (!not.isEmpty()) {
            summary.append("; not ").append(ConsistencyModel.describe(not));
            if (!alsoNot.isEmpty()) {
                summary.append(" (also not ").append(ConsistencyModel.describe(alsoNot)).append(')');
            }
        }
        if (!evidence.isEmpty() && !satisfied.isEmpty()) {
            summary.append("; still satisfies ").append(ConsistencyModel.describe(satisfied));
        }
        return evidence.isEmpty() ? CheckResult.valid(checker, summary.toString(), s)
                : CheckResult.invalid(checker, summary.toString(), evidence, s);
    }

    private static List<String> names(Set<ConsistencyModel> models) {
        List<String> out = new ArrayList<>();
        models.forEach(m -> out.add(m.cliName()));
        return out;
    }

    static String countByType(List<Anomaly> anomalies) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Anomaly a : anomalies) {
            counts.merge(a.type(), 1, Integer::sum);
        }
        StringBuilder b = new StringBuilder();
        counts.forEach((type, n) -> b.append(b.length() == 0 ? "" : ", ").append(type).append(" ×").append(n));
        return b.toString();
    }
}
