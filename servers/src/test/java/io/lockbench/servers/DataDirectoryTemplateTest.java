package io.lockbench.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTemplateTest {

    @TempDir
    Path cache;

    @Test
    void anExistingTemplate_isUsedWithoutStartingAServer() throws IOException {
        Path template = Files.createDirectories(cache.resolve("lockbench-data-17.11.0"));
        Files.writeString(template.resolve("PG_VERSION"), "17\n");

        Path found = DataDirectoryTemplate.ensure(cache, "17.11.0", dir -> {
            throw new AssertionError("started a server for " + dir);
        });

        assertThat(found).isEqualTo(template);
    }

    @Test
    void aCopyKeepsTheOwnerOnlyPermissionsPostgresqlInsistsOn() throws IOException {
        Path template = Files.createDirectories(cache.resolve("t").resolve("base"))
                .getParent();
        Files.writeString(template.resolve("base").resolve("1"), "page");
        Files.setPosixFilePermissions(template, PosixFilePermissions.fromString("rwx------"));
        Path target = cache.resolve("copy");

        DataDirectoryTemplate.copy(template, target);

        assertThat(Files.readString(target.resolve("base").resolve("1"))).isEqualTo("page");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rwx------");
    }
}
