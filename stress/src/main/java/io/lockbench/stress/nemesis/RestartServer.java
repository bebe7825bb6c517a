package io.lockbench.stress.nemesis;

import io.lockbench.impl.db.Backend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Stops the database server with one command and starts it with another, e.g. an immediate
 * shutdown (crash recovery on start) and a start: {@code stop: "pg_ctlcluster 15 main stop -m
 * immediate"}, {@code start: "pg_ctlcluster 15 main start"}. After it, every acknowledged write
 * must still be there. The commands run with {@code sh -c}; their output goes to the run directory.
 * Never point it at a server other tests share.
 */
final class RestartServer implements Nemesis {

    private final String stop;
    private final String start;

    RestartServer(String stop, String start) {
        this.stop = stop;
        this.start = start;
    }

    @Override
    public String name() {
        return "restart-server";
    }

    @Override
    public Optional<String> unavailable(NemesisContext context) {
        if (context.backend() != Backend.POSTGRESQL) {
            return Optional.of("restart-server restarts a database server; SQLite has none (use kill-connections)");
        }
        if (stop == null || start == null) {
            return Optional.of("restart-server needs the options stop and start: the shell commands that stop and "
                    + "start the server, e.g. stop: \"pg_ctlcluster 15 main stop -m immediate\"");
        }
        return Optional.empty();
    }

    @Override
    public String start(NemesisContext context) throws IOException {
        return "stopped the server: " + run(stop, context.runDirectory().resolve("nemesis-restart.log"));
    }

    @Override
    public String heal(NemesisContext context) throws IOException {
        return "started the server: " + run(start, context.runDirectory().resolve("nemesis-restart.log"));
    }

    static String run(String command, Path log) throws IOException {
        Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("'" + command + "' did not finish within 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running '" + command + "'", e);
        }
        if (p.exitValue() != 0) {
            String tail = Files.exists(log) ? lastLine(Files.readString(log, StandardCharsets.UTF_8)) : "";
            throw new IOException("'" + command + "' exited with " + p.exitValue() + (tail.isEmpty() ? "" : ": " + tail));
        }
        return command;
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }
}
