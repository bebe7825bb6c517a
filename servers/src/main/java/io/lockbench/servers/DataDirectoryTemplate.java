package io.lockbench.servers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One initialized, cleanly stopped data directory per PostgreSQL release, kept beside the unpacked
 * binaries. Each embedded server starts from a copy of it (0.2 s) instead of running initdb, which
 * takes 1.5–4.5 s here, most of it spent syncing files to disk.
 */
final class DataDirectoryTemplate {

    /** The file zonky locks in a data directory; other zonky users delete folders holding an old one. */
    private static final String ZONKY_LOCK = "epg-lock";

    private DataDirectoryTemplate() {
    }

    /**
     * The template for {@code release} in {@code cache}, made on first use by starting and stopping
     * a server configured by {@code builderFor}. Made under a private name and renamed into place,
     * so concurrent builds never see half of one.
     */
    static Path ensure(Path cache, String release, Function<Path, EmbeddedPostgres.Builder> builderFor)
            throws IOException {
        Path template = cache.resolve("lockbench-data-" + release);
        if (Files.isRegularFile(template.resolve("PG_VERSION"))) {
            return template;
        }
        Path fresh = cache.resolve("lockbench-data-" + release + "-" + UUID.randomUUID());
        builderFor.apply(fresh).setCleanDataDirectory(false).setRegisterShutdownHook(false).start().close();
        Files.deleteIfExists(fresh.resolve(ZONKY_LOCK));
        try {
            Files.move(fresh, template, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Linux reports a rename onto a directory another build made first as ENOTEMPTY
            if (!Files.isRegularFile(template.resolve("PG_VERSION"))) {
                throw e;
            }
            deleteRecursively(fresh);
        }
        return template;
    }

    /** A copy of {@code template} at {@code target}, permissions included (PostgreSQL insists on 0700). */
    static void copy(Path template, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(template)) {
            for (Path source : files.toList()) {
                Files.copy(source, target.resolve(template.relativize(source).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
