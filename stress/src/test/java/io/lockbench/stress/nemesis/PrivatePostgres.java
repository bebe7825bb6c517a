package io.lockbench.stress.nemesis;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of a test's own, made with the machine's binaries ({@code initdb},
 * {@code pg_ctl}) in a temporary directory on a free port, so a test can stop and restart it
 * without touching the server every other test shares. PostgreSQL refuses to run as root, so as
 * root it runs as the {@code postgres} user ({@code runuser}).
 */
final class PrivatePostgres implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final Path bin;

    private PrivatePostgres(Path dir, int port, Path bin) {
        this.dir = dir;
        this.port = port;
        this.bin = bin;
    }

    /** Why one cannot be made here, or empty. */
    static Optional<String> unavailable() {
        if (binaries().isEmpty()) {
            return Optional.of("no PostgreSQL server binaries under /usr/lib/postgresql/*/bin");
        }
        if ("root".equals(System.getProperty("user.name")) && !Files.isExecutable(Path.of("/usr/sbin/runuser"))) {
            return Optional.of("running as root without runuser to start PostgreSQL as the postgres user");
        }
        return Optional.empty();
    }

    static PrivatePostgres start(String... settings) throws IOException {
        Path bin = binaries().orElseThrow();
        Path dir = Files.createTempDirectory("lockbench-pg-");
        chownToPostgres(dir);
        run(bin.resolve("initdb") + " -D " + dir.resolve("data") + " -A trust -U postgres --no-sync");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        StringBuilder conf = new StringBuilder("\nlisten_addresses = '127.0.0.1'\nport = " + port
                + "\nunix_socket_directories = '" + dir + "'\nmax_connections = 50\n");
        for (String setting : settings) {
            conf.append(setting).append('\n');
        }
        Path confFile = dir.resolve("data").resolve("postgresql.conf");
        Files.writeString(confFile, Files.readString(confFile) + conf);
        PrivatePostgres pg = new PrivatePostgres(dir, port, bin);
        run(pg.startCommand());
        return pg;
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /** Immediate shutdown: no checkpoint, crash recovery on the next start. */
    String stopCommand() {
        return asPostgres(bin.resolve("pg_ctl") + " -D " + dir.resolve("data") + " -m immediate -w stop");
    }

    String startCommand() {
        return asPostgres(bin.resolve("pg_ctl") + " -D " + dir.resolve("data") + " -l " + dir.resolve("server.log")
                + " -w -t 60 start");
    }

    @Override
    public void close() throws IOException {
        try {
            run(asPostgres(bin.resolve("pg_ctl") + " -D " + dir.resolve("data") + " -m immediate -w stop"));
        } catch (IOException alreadyStopped) {
            // stopped by the test
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.naturalOrder());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String asPostgres(String command) {
        return "root".equals(System.getProperty("user.name")) ? "runuser -u postgres -- " + command : command;
    }

    private static void chownToPostgres(Path dir) throws IOException {
        if ("root".equals(System.getProperty("user.name"))) {
            run("chown postgres " + dir);
        }
    }

    private static void run(String command) throws IOException {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", command.startsWith("runuser") || !command.contains("initdb")
                ? command : asPostgres(command)));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command + " did not finish in 90 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(command + " failed: " + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
