package io.lockbench.reports;

import io.lockbench.bench.results.BenchSummary;
import io.lockbench.bench.results.SummaryRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a report says, computed once from the inputs and then rendered as HTML and as Markdown:
 * the benchmark summary (each file divided by its own baselines), the recommendation, the
 * detection table, one run's timeline and the environment. A section without data is absent,
 * and {@link #missing()} says why, so a report of benchmarks alone or stress runs alone is whole.
 */
public record Report(String generatedAt, List<String> sources, List<SummaryRow> summary, List<Advice> advice,
                     DetectionMatrix detection, Optional<Timeline> timeline, EnvironmentBlock environment,
                     List<String> missing) {

    public static Report of(ReportData data) {
        return of(data, Instant.now());
    }

    public static Report of(ReportData data, Instant now) {
        if (data.isEmpty()) {
            throw new ReportInputException("no results to report: give JMH JSON files or stress results.json files");
        }
        List<String> sources = new ArrayList<>();
        List<SummaryRow> summary = new ArrayList<>();
        for (BenchInput in : data.bench()) {
            sources.add(in.file().toString());
            summary.addAll(BenchSummary.of(in.results().results()));
        }
        data.stress().forEach(run -> sources.add(run.resultsFile().toString()));
        List<String> missing = new ArrayList<>();
        if (data.bench().isEmpty()) {
            missing.add("No benchmark results were given, so there is no throughput, latency or recommendation: "
                    + "add a JMH JSON file (lockbench bench writes one).");
        } else if (summary.isEmpty()) {
            missing.add("The benchmark files hold no lockbench benchmark in throughput mode: nothing to chart.");
        }
        if (data.stress().isEmpty()) {
            missing.add("No stress results were given, so there is no detection table or timeline: add run "
                    + "directories or results.json files (lockbench run writes them).");
        }
        Optional<Timeline> timeline = Timeline.choose(data.stress()).map(Timeline::of);
        if (!data.stress().isEmpty() && timeline.isEmpty()) {
            missing.add("No stress run has its history.jsonl beside its results.json, so there is no timeline.");
        }
        List<Advice> advice = Recommendation.of(summary,
                data.stress().stream().map(StressRun::results).toList());
        return new Report(now.toString(), List.copyOf(sources), List.copyOf(summary), advice,
                DetectionMatrix.of(data.stress()), timeline, EnvironmentBlock.of(data), List.copyOf(missing));
    }
}
