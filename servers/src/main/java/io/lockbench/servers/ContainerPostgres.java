package io.lockbench.servers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** A throwaway {@code postgres:MAJOR-alpine} container through Testcontainers, when a Docker engine is there. */
final class ContainerPostgres {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerPostgres.class);

    private ContainerPostgres() {
    }

    /** Empty when there is no Docker engine, or the container did not start (the embedded server is next). */
    static Optional<PostgresServer> startIfDockerIsThere(PostgresVersion version) {
        if (!dockerAvailable()) {
            return Optional.empty();
        }
        String image = "postgres:" + version.major() + "-alpine";
        try {
            PostgreSQLContainer container = new PostgreSQLContainer(image);
            // Testcontainers starts PostgreSQL with fsync=off; reports need what production runs.
            container.withCommand("postgres", "-c", "fsync=on");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            String url = container.getJdbcUrl() + (container.getJdbcUrl().contains("?") ? "&" : "?")
                    + "user=" + container.getUsername() + "&password=" + container.getPassword();
            return Optional.of(ServerProbe.describe(url, ServerSource.CONTAINER, image + " via Testcontainers"));
        } catch (Exception e) {
            LOG.warn("a Docker engine is there but the {} container did not start ({}); trying an embedded server",
                    image, e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean dockerAvailable() {
        if (!dockerMightBeThere(System.getenv(), Path.of(System.getProperty("user.home")),
                System.getProperty("os.name"))) {
            return false; // spares every run without Docker the 1–4 s Testcontainers takes to find none
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * Whether any of the places Testcontainers finds a Docker engine through exists: DOCKER_HOST,
     * ~/.testcontainers.properties, ~/.docker (Desktop, contexts, rootless), the usual sockets, or
     * Windows' named pipe. Conservative: when in doubt, Testcontainers itself decides.
     */
    static boolean dockerMightBeThere(Map<String, String> env, Path home, String osName) {
        if (env.containsKey("DOCKER_HOST") || System.getProperty("docker.host") != null
                || osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            return true;
        }
        List<Path> places = new ArrayList<>(List.of(home.resolve(".testcontainers.properties"), home.resolve(".docker"),
                Path.of("/var/run/docker.sock"), Path.of("/run/docker.sock")));
        if (env.containsKey("XDG_RUNTIME_DIR")) {
            places.add(Path.of(env.get("XDG_RUNTIME_DIR"), "docker.sock"));
        }
        return places.stream().anyMatch(Files::exists);
    }
}
