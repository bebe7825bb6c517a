package io.lockbench.stress.runner;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where a run keeps its files, as Jepsen's store: {@code runs/<scenario>/<UTC time>/}, with
 * {@code runs/latest} and {@code runs/<scenario>/latest} pointing at the newest run.
 */
final class RunDirectory {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private RunDirectory() {
    }

    static Path create(Path runs, String scenario) throws IOException {
        String safe = scenario.replaceAll("[^A-Za-z0-9._-]", "_");
        Path parent = runs.resolve(safe);
        Files.createDirectories(parent);
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(STAMP);
        for (int n = 0; ; n++) {
            Path dir = parent.resolve(n == 0 ? stamp : stamp + "-" + n);
            try {
                return Files.createDirectory(dir);
            } catch (FileAlreadyExistsException taken) {
                // two runs in one second: the next suffix
            }
        }
    }

    /** Points {@code runs/latest} and {@code runs/<scenario>/latest} at {@code dir}; a failure to do so is not fatal. */
    static void markLatest(Path runs, Path dir) {
        link(runs.resolve("latest"), runs.relativize(dir));
        link(dir.getParent().resolve("latest"), dir.getFileName());
    }

    private static void link(Path link, Path target) {
        try {
            Path tmp = link.resolveSibling(link.getFileName() + ".tmp" + ProcessHandle.current().pid() + "-" + Thread.currentThread().getId());
            Files.deleteIfExists(tmp);
            Files.createSymbolicLink(tmp, target);
            Files.move(tmp, link, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            // a file system without symbolic links: the run directory is still printed
        }
    }
}
