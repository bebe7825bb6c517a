package io.lockbench.stress.runner;

import io.lockbench.api.Client;
import io.lockbench.api.ClientContext;
import io.lockbench.api.Completion;
import io.lockbench.api.Operation;
import io.lockbench.api.Outcome;
import io.lockbench.impl.catalog.Variant;
import io.lockbench.stress.client.ClientProcessDiedException;
import io.lockbench.stress.client.ReferenceClients;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client that runs in a JVM of its own ({@link ClientHost}), so that clients share the database
 * only as separate processes do (one SQLite file, several processes) and one can be killed with
 * SIGKILL in the middle of a transaction. Operations and completions cross a pipe as JSON lines.
 * A child that does not answer within the reply timeout (the operation timeout plus a margin) is
 * killed and its operation is unknown: a hung process is retired, as a crashed one is.
 */
final class ChildProcessClient implements Client {

    private final String client;
    private final Set<String> readOnly;
    private final Path logDirectory;
    private final Duration replyTimeout;
    private Process process;
    private Writer toChild;
    /** The child's output lines, read by a thread of their own so that waiting for one can time out; empty at its end. */
    private final BlockingQueue<Optional<String>> fromChild = new LinkedBlockingQueue<>();
    private volatile boolean ready;

    /** @param client a reference variant's name, or a client class on the classpath */
    ChildProcessClient(String client, Set<String> readOnly, Path logDirectory, Duration replyTimeout) {
        this.client = client;
        this.readOnly = readOnly;
        this.logDirectory = logDirectory;
        this.replyTimeout = replyTimeout;
    }

    /** The client a child hosts: a reference variant by name, or a class with a public no-argument constructor. */
    static Client instantiate(String name) throws ReflectiveOperationException {
        for (Variant v : Variant.values()) {
            if (v.cliName().equals(name)) {
                return ReferenceClients.of(v).get();
            }
        }
        return (Client) Class.forName(name).getDeclaredConstructor().newInstance();
    }

    @Override
    public void open(ClientContext context) throws IOException {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("client", client);
        spec.put("url", context.jdbcUrl());
        spec.put("process", context.process());
        spec.put("settings", context.settings());
        spec.put("read_only", List.copyOf(readOnly));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), ClientHost.class.getName(),
                ClientHost.JSON.writeValueAsString(spec))
                .redirectError(ProcessBuilder.Redirect.appendTo(
                        logDirectory.resolve("client-process-" + context.process() + ".log").toFile()))
                .start();
        toChild = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> {
            try {
                for (String line; (line = lines.readLine()) != null; ) {
                    fromChild.add(Optional.of(line));
                }
            } catch (IOException ended) {
                // killed: the end below
            }
            fromChild.add(Optional.empty());
        }, "client-process-" + context.process() + "-output");
        reader.setDaemon(true);
        reader.start();
        String greeting = nextLine();
        ready = ClientHost.READY.equals(greeting);
        if (!ready) {
            process.destroyForcibly();
            throw new IOException("client process " + context.process() + " did not start: "
                    + (greeting == null ? "it exited" + exitStatus() : "it said '" + greeting + "'") + " (see client-process-"
                    + context.process() + ".log in the run directory)");
        }
    }

    /** The child's next line; null at its end; kills it when none comes within the reply timeout. */
    private String nextLine() throws IOException {
        Optional<String> line;
        try {
            line = fromChild.poll(replyTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while waiting for it");
        }
        if (line == null) {
            process.destroyForcibly();
            throw new IOException("no reply within " + replyTimeout.toSeconds() + " s: killed");
        }
        return line.orElse(null);
    }

    private String exitStatus() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? " with status " + process.exitValue() : "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The child's operating-system process id. */
    long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Whether its process has started and opened its client. */
    boolean ready() {
        return ready;
    }

    /** SIGKILL, as a crash: no shutdown hooks, no rollback, locks and files left as they were. */
    void kill() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Override
    public Completion invoke(Operation op) {
        try {
            toChild.write(ClientHost.JSON.writeValueAsString(op));
            toChild.write('\n');
            toChild.flush();
            String line = nextLine();
            if (line == null) {
                throw new IOException("its output ended");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> reply = ClientHost.JSON.readValue(line, Map.class);
            return new Completion(Outcome.valueOf((String) reply.get("outcome")), reply.get("value"),
                    (String) reply.get("error"), (String) reply.get("error_kind"));
        } catch (IOException e) {
            throw new ClientProcessDiedException("client process " + op.process() + " (pid " + process.pid()
                    + ") died during " + op.f() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        try {
            toChild.close();
        } catch (IOException alreadyGone) {
            // killed
        }
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
