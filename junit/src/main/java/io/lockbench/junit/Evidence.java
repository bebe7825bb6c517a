package io.lockbench.junit;

import io.lockbench.stress.runner.RunOutcome;
import io.lockbench.stress.runner.RunResults;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The message of a failed stress test: what the checkers found, the operations that show it, where the files are. */
final class Evidence {

    /** Anomalies listed per checker, and operations per anomaly: the rest is in the files. */
    static final int MAX_ANOMALIES = 3;
    static final int MAX_OPS = 8;

    private Evidence() {
    }

    static String of(RunOutcome outcome, String expectation) {
        RunResults r = outcome.results();
        StringBuilder b = new StringBuilder();
        b.append("lockbench: ").append(r.variant()).append(" on ").append(r.server().version()).append(" is ")
                .append(r.verdict().toUpperCase(Locale.ROOT)).append(" (").append(expectation).append(")\n");
        b.append(String.format(Locale.ROOT, "  %,d ops in %.1f s: %,d ok, %,d fail, %,d info; seed %d%n",
                r.ops().total(), r.durationSeconds(), r.ops().ok(), r.ops().fail(), r.ops().info(), r.seed()));
        for (RunResults.CheckerOutcome c : r.checkers()) {
            b.append("  ").append(c.model()).append(": ").append(c.verdict()).append(": ")
                    .append(firstLine(c.summary())).append('\n');
            List<RunResults.AnomalyFound> anomalies = c.anomalies();
            for (RunResults.AnomalyFound a : anomalies.subList(0, Math.min(MAX_ANOMALIES, anomalies.size()))) {
                b.append("    ").append(a.type()).append(": ").append(a.description().replace("\n", "\n      "))
                        .append('\n');
                for (Map<String, Object> op : a.ops().subList(0, Math.min(MAX_OPS, a.ops().size()))) {
                    b.append("      ").append(op(op)).append('\n');
                }
                if (a.ops().size() > MAX_OPS) {
                    b.append("      … ").append(a.ops().size() - MAX_OPS).append(" more in results.json\n");
                }
            }
            if (anomalies.size() > MAX_ANOMALIES) {
                b.append("    … ").append(anomalies.size() - MAX_ANOMALIES).append(" more anomalies in results.json\n");
            }
        }
        if (r.problems() != null) {
            r.problems().forEach(p -> b.append("  problem: ").append(p).append('\n'));
        }
        String model = r.checkers().isEmpty() ? "…" : r.checkers().get(0).model();
        b.append("  history: ").append(outcome.history().toAbsolutePath()).append('\n');
        b.append("  summary: ").append(outcome.directory().resolve("summary.md").toAbsolutePath()).append('\n');
        b.append("  check it again: lockbench check ").append(outcome.history().toAbsolutePath()).append(" --model ")
                .append(model).append('\n');
        b.append("  repeat the operations: .seed(").append(r.seed()).append("L)");
        return b.toString();
    }

    /** {@code #12 p3 ok write r0 [5, "w1-3"]}: one history record on one line. */
    private static String op(Map<String, Object> op) {
        StringBuilder b = new StringBuilder("#").append(op.get("index")).append(" p").append(op.get("process"))
                .append(' ').append(op.get("type")).append(' ').append(op.get("f"));
        if (op.get("key") != null) {
            b.append(' ').append(op.get("key"));
        }
        b.append(' ').append(op.get("value"));
        if (op.get("error") != null) {
            b.append("  (").append(op.get("error")).append(')');
        }
        return b.toString();
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }
}
