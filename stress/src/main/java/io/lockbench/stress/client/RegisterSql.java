package io.lockbench.stress.client;

import io.lockbench.api.Completion;
import io.lockbench.api.Operation;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The register workload as SQL. {@code read} answers {@code [version, value]} from the first row
 * of its last statement ({@code [0, nil]} when there is none); a write {@code [expected, value]}
 * runs {@code write} when {@code expected} is 0 and the scenario wrote one (creating the record),
 * else {@code cas} (from version {@code expected} to {@code expected + 1}).
 */
final class RegisterSql implements SqlWorkload {

    @Override
    public Map<String, Set<String>> operations() {
        Map<String, Set<String>> ops = new LinkedHashMap<>();
        ops.put("read", SqlWorkload.names("key", "process"));
        ops.put("write", SqlWorkload.names("key", "process", "expected", "value"));
        ops.put("cas", SqlWorkload.names("key", "process", "expected", "value"));
        return ops;
    }

    @Override
    public Set<String> required() {
        return Set.of("read", "cas");
    }

    @Override
    public Set<String> answerColumns(String operation) {
        return operation.equals("read") ? Set.of("version", "value") : Set.of();
    }

    @Override
    public String operationFor(Operation op, Set<String> written) {
        if (op.f().equals("write")) {
            return expected(op) == 0 && written.contains("write") ? "write" : "cas";
        }
        return op.f();
    }

    @Override
    public Map<String, Object> parameters(Operation op) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("key", op.key());
        p.put("process", op.process());
        if (op.f().equals("write")) {
            p.put("expected", expected(op));
            p.put("value", ((List<?>) op.value()).get(1));
        }
        return p;
    }

    @Override
    public String zeroRowsKind(String operation) {
        return operation.equals("read") ? "ZERO_ROWS" : "VERSION_CONFLICT";
    }

    @Override
    public Completion answer(Operation op, StatementResults results) {
        if (!op.f().equals("read")) {
            return Completion.ok(op.value());
        }
        if (results.lastRows().isEmpty()) {
            return Completion.ok(Arrays.asList(0L, null));
        }
        Map<String, Object> row = results.lastRows().get(0);
        return Completion.ok(Arrays.asList(row.get("version"), row.get("value")));
    }

    private static long expected(Operation op) {
        return ((Number) ((List<?>) op.value()).get(0)).longValue();
    }
}
