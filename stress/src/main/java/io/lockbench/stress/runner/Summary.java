package io.lockbench.stress.runner;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** {@code summary.md}: a run's results for people, in a pull request or a terminal. */
public final class Summary {

    private Summary() {
    }

    public static String markdown(RunResults r, Path dir) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(r.scenario()).append(": ").append(r.verdict().toUpperCase(Locale.ROOT));
        if (r.asExpected() != null) {
            b.append(r.asExpected() ? " (as expected)" : " (expected " + r.expected() + ")");
        }
        b.append("\n\n");
        if (r.description() != null) {
            b.append(r.description()).append("\n\n");
        }
        b.append("| | |\n|---|---|\n");
        row(b, "variant", r.variant() + (r.broken() ? " (broken on purpose: " + r.expectedAnomaly() + ")" : ""));
        if (r.strategy() != null) {
            row(b, "strategy", r.strategy());
        }
        row(b, "backend", r.server().version() + " (" + r.server().source() + ")");
        row(b, "clients / seed", r.clients() + " / " + r.seed());
        row(b, "operations", String.format(Locale.ROOT, "%,d in %.1f s (%,.0f/s): %,d ok, %,d fail, %,d info",
                r.ops().total(), r.durationSeconds(), r.throughput().opsPerSecond(), r.ops().ok(), r.ops().fail(),
                r.ops().info()));
        if (r.cutShort() != null) {
            row(b, "cut short", r.cutShort() + ": verdict unknown");
        }
        b.append("\n## Checkers\n\n");
        for (RunResults.CheckerOutcome c : r.checkers()) {
            b.append("- **").append(c.model()).append("**: ").append(c.verdict()).append(" — ")
                    .append(c.summary().replace("\n", " ")).append('\n');
            for (RunResults.AnomalyFound a : c.anomalies()) {
                b.append("  - `").append(a.type()).append("`: ").append(a.description().replace("\n", " "))
                        .append('\n');
            }
        }
        if (!r.failuresByKind().isEmpty()) {
            b.append("\n## Failed and unknown operations by cause\n\n| cause | fail | info | share of all ops |\n|---|---:|---:|---:|\n");
            for (Map.Entry<String, RunResults.ErrorCount> e : r.failuresByKind().entrySet()) {
                b.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %.1f %% |%n", e.getKey(), e.getValue().fail(),
                        e.getValue().info(), 100 * e.getValue().share()));
            }
        }
        if (!r.latencyMs().isEmpty()) {
            b.append("\n## Latency (ms)\n\n| op | count | p50 | p90 | p99 | p99.9 | max |\n|---|---:|---:|---:|---:|---:|---:|\n");
            r.latencyMs().forEach((f, l) -> b.append(String.format(Locale.ROOT, "| %s | %,d | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                    f, l.count(), l.p50(), l.p90(), l.p99(), l.p999(), l.max())));
        }
        if (!r.faults().isEmpty()) {
            b.append("\n## Faults\n\n| fault | from (s) | to (s) | what it did |\n|---|---:|---:|---|\n");
            for (RunResults.FaultInterval f : r.faults()) {
                b.append(String.format(Locale.ROOT, "| %s | %.1f | %s | %s |%n", f.fault(), f.startS(),
                        f.endS() == null ? "end" : String.format(Locale.ROOT, "%.1f", f.endS()), f.started()));
            }
        }
        if (r.problems() != null) {
            b.append("\n## Problems\n\n");
            r.problems().forEach(p -> b.append("- ").append(p).append('\n'));
        }
        b.append("\nFiles: `").append(dir.resolve("history.jsonl")).append("` (check it again with `lockbench check ")
                .append(dir.resolve("history.jsonl")).append(" --model ").append(r.checkers().isEmpty() ? "…"
                        : r.checkers().get(0).model()).append("`), `results.json`, `scenario.yaml`.\n");
        return b.toString();
    }

    private static void row(StringBuilder b, String name, String value) {
        b.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }
}
