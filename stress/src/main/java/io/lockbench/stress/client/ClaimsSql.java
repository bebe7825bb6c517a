package io.lockbench.stress.client;

import io.lockbench.api.Completion;
import io.lockbench.api.Operation;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The claims workload as SQL. Each client process is one session, {@code :session} ({@code p7}
 * for process 7). {@code acquire} answers {@code {token t, takeover b}} from the columns
 * {@code token} and (if returned) {@code takeover}; the token is remembered and given to the
 * process's {@code release} of that resource as {@code :token}. {@code fenced-write} is given the
 * token it holds and the content ({@code :value}); {@code heartbeat} answers how many rows its last
 * statement changed; {@code inspect} answers the first row of its last statement as a map (give
 * it a column {@code active_claims}).
 */
final class ClaimsSql implements SqlWorkload {

    private final Map<Object, Object> held = new HashMap<>();

    @Override
    public Map<String, Set<String>> operations() {
        Map<String, Set<String>> ops = new LinkedHashMap<>();
        ops.put("acquire", SqlWorkload.names("key", "process", "session"));
        ops.put("release", SqlWorkload.names("key", "process", "session", "token"));
        ops.put("heartbeat", SqlWorkload.names("process", "session"));
        ops.put("fenced-write", SqlWorkload.names("key", "process", "session", "token", "value"));
        ops.put("inspect", SqlWorkload.names("key", "process"));
        return ops;
    }

    @Override
    public Set<String> required() {
        return operations().keySet();
    }

    @Override
    public Set<String> answerColumns(String operation) {
        return switch (operation) {
            case "acquire" -> Set.of("token");
            case "inspect" -> Set.of("active_claims");
            default -> Set.of();
        };
    }

    @Override
    public Map<String, Object> parameters(Operation op) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("key", op.key());
        p.put("process", op.process());
        p.put("session", "p" + op.process());
        switch (op.f()) {
            case "release" -> p.put("token", held.get(op.key()));
            case "fenced-write" -> {
                Map<?, ?> v = (Map<?, ?>) op.value();
                p.put("token", v.get("token"));
                p.put("value", v.get("content"));
            }
            default -> {
            }
        }
        return p;
    }

    @Override
    public String zeroRowsKind(String operation) {
        return switch (operation) {
            case "acquire" -> "REJECTED";
            case "fenced-write" -> "FENCED";
            case "release" -> "NOT_ACTIVE";
            default -> "ZERO_ROWS";
        };
    }

    @Override
    public Completion answer(Operation op, StatementResults results) {
        switch (op.f()) {
            case "acquire" -> {
                Object token = results.bound().get("token");
                if (token == null) {
                    return Completion.info("CLIENT_ERROR", "acquire: no statement returned a column 'token'");
                }
                held.put(op.key(), token);
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("token", token);
                value.put("takeover", truthy(results.bound().get("takeover")));
                return Completion.ok(value);
            }
            case "release" -> {
                held.remove(op.key());
                return Completion.ok(null);
            }
            case "heartbeat" -> {
                return Completion.ok(results.lastCount());
            }
            case "inspect" -> {
                return Completion.ok(results.lastRows().isEmpty() ? Map.of("active_claims", 0L)
                        : new LinkedHashMap<>(results.lastRows().get(0)));
            }
            default -> {
                return Completion.ok(null);
            }
        }
    }

    private static boolean truthy(Object v) {
        return v instanceof Boolean b ? b : v instanceof Number n && n.longValue() != 0;
    }
}
