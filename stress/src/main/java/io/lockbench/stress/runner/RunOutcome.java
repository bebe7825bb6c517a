package io.lockbench.stress.runner;

import io.lockbench.stress.checker.Verdict;
import java.nio.file.Path;

/**
 * A finished run: its verdict, its results and where its files are.
 *
 * @param directory the run directory ({@code history.jsonl}, {@code scenario.yaml}, {@code results.json}, {@code summary.md})
 */
public record RunOutcome(Verdict verdict, RunResults results, Path directory) {

    public Path history() {
        return directory.resolve("history.jsonl");
    }

    /** The process exit code: 0 valid, 1 invalid, 2 unknown. */
    public int exitCode() {
        return verdict.exitCode();
    }
}
