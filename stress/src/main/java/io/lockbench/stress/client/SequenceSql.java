package io.lockbench.stress.client;

import io.lockbench.api.Completion;
import io.lockbench.api.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sequence workload as SQL. {@code append} answers the version it got: the column
 * {@code version} of any of its statements (the SELECT that computes it, or an
 * {@code INSERT … RETURNING version}); {@code read} answers every row of its last statement as
 * {@code [version, value]}, in the order returned (write {@code ORDER BY version}).
 */
final class SequenceSql implements SqlWorkload {

    @Override
    public Map<String, Set<String>> operations() {
        Map<String, Set<String>> ops = new LinkedHashMap<>();
        ops.put("append", SqlWorkload.names("key", "process", "value"));
        ops.put("read", SqlWorkload.names("key", "process"));
        return ops;
    }

    @Override
    public Set<String> required() {
        return Set.of("append", "read");
    }

    @Override
    public Set<String> answerColumns(String operation) {
        return operation.equals("read") ? Set.of("version", "value") : Set.of("version");
    }

    @Override
    public Map<String, Object> parameters(Operation op) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("key", op.key());
        p.put("process", op.process());
        if (op.f().equals("append")) {
            p.put("value", op.value());
        }
        return p;
    }

    @Override
    public String zeroRowsKind(String operation) {
        return "ZERO_ROWS";
    }

    @Override
    public Completion answer(Operation op, StatementResults results) {
        if (op.f().equals("append")) {
            Object version = results.bound().get("version");
            return version == null ? Completion.info("CLIENT_ERROR", "append: no statement returned a column 'version'")
                    : Completion.ok(version);
        }
        List<Object> versions = new ArrayList<>();
        for (Map<String, Object> row : results.lastRows()) {
            versions.add(java.util.Arrays.asList(row.get("version"), row.get("value")));
        }
        return Completion.ok(versions);
    }
}
