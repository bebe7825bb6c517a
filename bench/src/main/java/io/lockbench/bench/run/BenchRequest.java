package io.lockbench.bench.run;

import io.lockbench.impl.db.Backend;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code lockbench bench} was asked to do.
 *
 * @param backends the backends to measure, in order
 * @param preset   quick or full
 * @param jmhArgs  JMH's own command-line options, which override the preset ({@code -p keys=16},
 *                 {@code -t 4}, {@code -f 2}, {@code -i 5}, {@code -rff FILE}, a benchmark regex …)
 * @param output   where to write the results file; empty for {@code store/bench/<UTC time>/results.json}
 * @param command  the command line as the user typed it, recorded in the results file
 */
public record BenchRequest(List<Backend> backends, Preset preset, List<String> jmhArgs, Optional<Path> output,
                           String command) {

    public BenchRequest {
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("at least one backend is needed");
        }
        backends = List.copyOf(backends);
        jmhArgs = List.copyOf(jmhArgs);
    }
}
