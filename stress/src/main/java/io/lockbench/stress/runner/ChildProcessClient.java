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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A client that runs in a JVM of its own ({@link ClientHost}), so that clients share the database
 * only as separate processes do (one SQLite file, several processes) and one can be killed with
 * SIGKILL in the middle of a transaction. Operations and completions cross a pipe as JSON lines.
 */
final class ChildProcessClient implements Client {

    private final String client;
    private final Set<String> readOnly;
    private final Path logDirectory;
    private Process process;
    private Writer toChild;
    private BufferedReader fromChild;
    private volatile boolean ready;

    /** @param client a reference variant's name, or a client class on the classpath */
    ChildProcessClient(String client, Set<String> readOnly, Path logDirectory) {
        this.client = client;
        this.readOnly = readOnly;
        this.logDirectory = logDirectory;
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
        fromChild = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String greeting = fromChild.readLine();
        ready = ClientHost.READY.equals(greeting);
        if (!ready) {
            process.destroyForcibly();
            throw new IOException("client process " + context.process() + " did not start: "
                    + (greeting == null ? "it exited" + exitStatus() : "it said '" + greeting + "'") + " (see client-process-"
                    + context.process() + ".log in the run directory)");
        }
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
            String line = fromChild.readLine();
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
