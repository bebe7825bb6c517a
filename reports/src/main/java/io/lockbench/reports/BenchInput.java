package io.lockbench.reports;

import io.lockbench.bench.results.BenchFile;
import java.nio.file.Path;

/** One JMH results file and where it came from. */
public record BenchInput(Path file, BenchFile results) {
}
