package io.lockbench.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When Testcontainers is asked to look for Docker at all. */
class ContainerPostgresTest {

    @TempDir
    Path home;

    @Test
    void withNoTraceOfDocker_testcontainersIsNotAsked() {
        // (assumes this machine has no /var/run/docker.sock; CI and the developers' machines do not)
        boolean socket = Files.exists(Path.of("/var/run/docker.sock")) || Files.exists(Path.of("/run/docker.sock"));

        assertThat(ContainerPostgres.dockerMightBeThere(Map.of(), home, "Linux")).isEqualTo(socket);
    }

    @Test
    void dockerHost_aDockerFolderOrATestcontainersConfig_eachMeanAsk() throws IOException {
        assertThat(ContainerPostgres.dockerMightBeThere(Map.of("DOCKER_HOST", "tcp://h:2375"), home, "Linux")).isTrue();
        assertThat(ContainerPostgres.dockerMightBeThere(Map.of(), home, "Windows 11")).isTrue();

        Files.createFile(home.resolve(".testcontainers.properties"));
        assertThat(ContainerPostgres.dockerMightBeThere(Map.of(), home, "Linux")).isTrue();
    }

    @Test
    void aRootlessSocket_meansAsk(@TempDir Path runtime) throws IOException {
        Files.createFile(runtime.resolve("docker.sock"));

        assertThat(ContainerPostgres.dockerMightBeThere(Map.of("XDG_RUNTIME_DIR", runtime.toString()), home, "Linux"))
                .isTrue();
    }
}
