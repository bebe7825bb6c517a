package io.lockbench.reports;

import io.lockbench.bench.results.BenchFile;
import io.lockbench.bench.results.BenchSummary;
import io.lockbench.bench.results.SummaryRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The small JSON fixtures under src/test/resources/fixtures: JMH results and stress runs. */
final class Fixtures {

    /** keys 1: optimistic 0.90× ± 0.02 vs claims 0.30× ± 0.02 (clear); keys 1,024: 0.95× ± 0.15 vs 0.90× ± 0.10 (overlap). */
    static final String CLEAR_AND_NOISY = "bench/clear-and-noisy.json";
    /** One measured iteration: no error bars. */
    static final String ONE_ITERATION = "bench/one-iteration.json";
    /** A correct variant under a fault, valid, with a short history beside it. */
    static final String OPTIMISTIC_RUN = "stress/optimistic--kill-connections";
    /** A broken twin, invalid (lost update), without its history. */
    static final String TWIN_RUN = "stress/verify-after-write--none";

    private Fixtures() {
    }

    static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getClassLoader().getResource("fixtures/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no fixture " + name, e);
        }
    }

    static List<SummaryRow> summary(String benchFixture) {
        return BenchSummary.of(BenchFile.read(path(benchFixture)).results());
    }

    /** Copies a fixture directory (or file) into {@code dir}, so a test may change or add to it. */
    static Path copy(String name, Path dir) {
        Path source = path(name);
        Path target = dir.resolve(source.getFileName().toString());
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    Files.copy(p, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
