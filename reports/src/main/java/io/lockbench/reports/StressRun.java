package io.lockbench.reports;

import io.lockbench.stress.runner.RunResults;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One stress run as a report sees it: its {@code results.json} and the run directory around it.
 *
 * @param resultsFile where the results were read from
 * @param results     what the run found
 */
public record StressRun(Path resultsFile, RunResults results) {

    /** The run's history, when it lies beside its results as {@code lockbench run} leaves it. */
    public Optional<Path> history() {
        Path dir = resultsFile.toAbsolutePath().getParent();
        Path history = dir == null ? null : dir.resolve("history.jsonl");
        return history != null && history.toFile().isFile() ? Optional.of(history) : Optional.empty();
    }

    /**
     * The fault a detection row injected: the part of the scenario's name after {@code <variant>--}
     * ({@code optimistic--kill-connections}), else the faults the run recorded, else none.
     */
    public String fault() {
        String prefix = results.variant() + "--";
        if (results.scenario() != null && results.scenario().startsWith(prefix)) {
            return results.scenario().substring(prefix.length());
        }
        return results.faults() == null || results.faults().isEmpty() ? "none"
                : String.join("+", results.faults().stream().map(RunResults.FaultInterval::fault).distinct().toList());
    }
}
