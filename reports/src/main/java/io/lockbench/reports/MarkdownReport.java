package io.lockbench.reports;

import io.lockbench.bench.results.SummaryRow;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report as Markdown, for a pull request: the recommendation, each correct strategy's figures
 * (throughput, ratio to the raw baseline, p99, what it cost per call), the detection table and the
 * environment. The charts stay in the HTML file it points to.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(Report report, Optional<String> htmlName) {
        StringBuilder md = new StringBuilder("# lockbench report\n\n");
        md.append("Generated ").append(report.generatedAt()).append(" from ").append(report.sources().size())
                .append(report.sources().size() == 1 ? " result file" : " result files")
                .append(htmlName.map(h -> "; charts in `" + h + "`").orElse("")).append(".\n");
        if (!report.missing().isEmpty()) {
            md.append("\n## Not in this report\n\n");
            report.missing().forEach(m -> md.append("- ").append(m).append('\n'));
        }
        if (!report.advice().isEmpty()) {
            md.append("\n## Recommendation\n\n");
            report.advice().forEach(a -> md.append("- ").append(a.text()).append('\n'));
        }
        if (!report.summary().isEmpty()) {
            figures(md, report.summary());
        }
        if (!report.detection().tables().isEmpty()) {
            detection(md, report.detection());
        }
        report.timeline().ifPresent(t -> md.append("\n## Timeline\n\nThe HTML report shows `").append(t.run())
                .append("` (").append(t.verdict()).append(") over time, with its ").append(t.faults().size())
                .append(t.faults().size() == 1 ? " fault interval" : " fault intervals").append(" shaded.\n"));
        if (!report.environment().groups().isEmpty()) {
            md.append("\n## Environment\n");
            for (EnvironmentBlock.Group g : report.environment().groups()) {
                md.append("\n**").append(g.title()).append("**\n\n");
                g.facts().forEach(f -> md.append("- ").append(f.name()).append(": ").append(cellText(f.value())).append('\n'));
            }
        }
        return md.toString();
    }

    private static void figures(StringBuilder md, List<SummaryRow> rows) {
        md.append("\n## Correct strategies, measured\n\n")
                .append("ops/s: calls per second over all threads; ratio: to the raw baseline of the same run ")
                .append("(± the 99.9 % half-width; none with one iteration); per call: what each call cost.\n\n")
                .append("| backend | variant | keys | threads | ops/s | ratio | p99 | per call |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---|\n");
        rows.stream().filter(r -> r.variant().isPresent() && !r.variant().get().isBroken())
                .sorted(Comparator.comparing(SummaryRow::backend).thenComparing(r -> r.variant().get().ordinal())
                        .thenComparingInt(r -> parse(r.keys())).thenComparingInt(SummaryRow::threads))
                .forEach(r -> md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %s | %s | %s | %s |%n",
                        Labels.backend(r.backend()), ChartData.name(r), r.keys(), r.threads(),
                        Labels.number(r.opsPerSec()), ratio(r), Labels.micros(r.latencyMicros().p99()),
                        perCall(r.perCall()))));
    }

    private static String ratio(SummaryRow r) {
        return Labels.ratio(r.ratio()) + (Double.isNaN(r.ratioError()) ? ""
                : String.format(Locale.ROOT, " ± %.2f", r.ratioError()));
    }

    private static String perCall(SummaryRow.Counters c) {
        StringBuilder s = new StringBuilder();
        part(s, "conflicts", c.conflicts());
        part(s, "retries", c.retries());
        part(s, "give-ups", c.giveUps());
        part(s, "unique retried", c.uniqueViolationsRetried());
        part(s, "rejected", c.claimsRejected());
        part(s, "busy", c.busyErrors());
        part(s, "failed", c.failed());
        return s.length() == 0 ? "-" : s.toString();
    }

    private static void part(StringBuilder s, String name, double v) {
        if (v > 0) {
            s.append(s.length() == 0 ? "" : ", ").append(name).append(' ')
                    .append(String.format(Locale.ROOT, v >= 0.01 ? "%.2f" : "%.4f", v));
        }
    }

    private static void detection(StringBuilder md, DetectionMatrix matrix) {
        md.append("\n## Detection table\n\nA correct variant must be valid, a broken twin invalid; below each verdict the ")
                .append("failed or unknown operations by error class (share of all operations).\n");
        for (DetectionMatrix.Table t : matrix.tables()) {
            md.append("\n**").append(Labels.backend(t.backend())).append("**\n\n| variant |");
            t.faults().forEach(f -> md.append(' ').append(f).append(" |"));
            md.append("\n|---|");
            t.faults().forEach(f -> md.append("---|"));
            md.append('\n');
            for (DetectionMatrix.Line l : t.lines()) {
                md.append("| ").append(l.variant()).append(l.broken() ? " (broken)" : "").append(" |");
                for (Optional<DetectionMatrix.Cell> c : l.cells()) {
                    md.append(' ').append(c.map(cell -> cell(cell, l.expectedAnomaly())).orElse("·")).append(" |");
                }
                md.append('\n');
            }
        }
    }

    private static String cell(DetectionMatrix.Cell c, String declaredAnomaly) {
        String mark = c.asExpected() == null ? "" : c.asExpected() ? " ✓"
                : c.verdict().equals(c.expected()) ? " ✗ not the declared anomaly (" + declaredAnomaly + ")"
                : " ✗ expected " + c.expected();
        String failures = c.failures().isEmpty() ? "" : "<br>" + String.join(", ", c.failures());
        return "**" + c.verdict() + "**" + mark + failures;
    }

    /** A table cell or list item must stay on one line and not open a new column. */
    private static String cellText(String s) {
        return s.replace("\n", " ").replace("|", "\\|");
    }

    private static int parse(String keys) {
        try {
            return Integer.parseInt(keys);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
