package io.lockbench.stress.runner;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lockbench.api.Client;
import io.lockbench.api.Completion;
import io.lockbench.api.Operation;
import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.DatabaseConfig;
import io.lockbench.impl.db.Dialects;
import io.lockbench.stress.client.Completions;
import io.lockbench.stress.scenario.Durations;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The child side of a client that runs in a JVM of its own ({@code client-processes: true}): opens
 * the client on its own pool, then answers one operation per line of standard input with one
 * completion per line of standard output (JSON), until its input ends or it is killed. Started by
 * {@link ChildProcessClient}; killing this process is the {@code crash-process} fault.
 */
public final class ClientHost {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
    static final String READY = "ready";

    private ClientHost() {
    }

    /** Arguments: one JSON object {variant, url, process, settings, read_only}. */
    public static void main(String[] args) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = JSON.readValue(args[0], Map.class);
        String url = (String) spec.get("url");
        long process = ((Number) spec.get("process")).longValue();
        @SuppressWarnings("unchecked")
        Map<String, String> settings = (Map<String, String>) spec.get("settings");
        @SuppressWarnings("unchecked")
        Set<String> readOnly = Set.copyOf((java.util.List<String>) spec.get("read_only"));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        System.setOut(System.err); // nothing else may write to the protocol channel
        Backend backend = Backend.ofUrl(url);
        DatabaseConfig config = DatabaseConfig.of(url).withMaxPoolSize(2);
        if (settings.containsKey("busy-timeout")) {
            config = config.withSqliteBusyTimeout(Durations.parse(settings.get("busy-timeout")));
        }
        try (Database db = Database.open(config)) {
            Client client = ChildProcessClient.instantiate((String) spec.get("client"));
            client.open(new ProcessContext(url, db, backend.name().toLowerCase(java.util.Locale.ROOT), process, settings,
                    Clock.systemUTC()));
            out.println(READY);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                Operation op = JSON.readValue(line, Operation.class);
                Completion c;
                try {
                    c = client.invoke(op);
                    if (c == null) {
                        c = Completion.info("CLIENT_ERROR", "the client returned no completion");
                    }
                } catch (Exception e) {
                    c = Completions.fromException(e, Dialects.of(backend), readOnly.contains(op.f()));
                }
                Map<String, Object> reply = new LinkedHashMap<>();
                reply.put("outcome", c.outcome().name());
                reply.put("value", c.value());
                reply.put("error", c.error());
                reply.put("error_kind", c.errorKind());
                out.println(JSON.writeValueAsString(reply));
                out.flush();
            }
            client.close();
        }
    }
}
