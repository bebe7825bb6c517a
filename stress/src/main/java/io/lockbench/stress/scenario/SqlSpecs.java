package io.lockbench.stress.scenario;

import io.lockbench.stress.client.NamedSql;
import io.lockbench.stress.client.SqlRetry;
import io.lockbench.stress.client.SqlWorkload;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a scenario's {@code sql:} section without a database: the operations its workload has,
 * a text for every backend, allowed values, retry lists and durations. Each error names the
 * field's path ({@code sql.operations.cas.statements.0.zero-rows}) and what is allowed. What only
 * the database can tell (a statement that does not prepare, a column no statement returns) is
 * checked when a run sets up.
 */
final class SqlSpecs {

    private static final int MAX_ATTEMPTS = 100;

    private SqlSpecs() {
    }

    static void check(SqlSpec sql, String workloadType, String where) {
        SqlWorkload workload = SqlWorkload.of(workloadType).orElseThrow(() -> error(where, "sql",
                "the " + workloadType + " workload cannot be written as SQL; valid workloads: "
                        + String.join(", ", SqlWorkload.TYPES)));
        oneOf(where, "sql.isolation", sql.isolation(), SqlSpec.ISOLATIONS);
        oneOf(where, "sql.sqlite-begin", sql.sqliteBegin(), SqlSpec.SQLITE_BEGINS);
        statements(where, "sql.setup", sql.setup(), Set.of("key"), false);
        statements(where, "sql.teardown", sql.teardown(), Set.of("key"), false);
        retry(where, "sql.retry", sql.retry());
        Map<String, Set<String>> known = workload.operations();
        for (Map.Entry<String, SqlOperation> e : sql.operations().entrySet()) {
            String path = "sql.operations." + e.getKey();
            if (!known.containsKey(e.getKey())) {
                throw error(where, path, "the " + workloadType + " workload has no operation '" + e.getKey()
                        + "'; valid: " + String.join(", ", known.keySet()));
            }
            SqlOperation op = e.getValue();
            if (op == null) {
                throw error(where, path, "missing its statements");
            }
            oneOf(where, path + ".transaction", op.transaction(), SqlOperation.TRANSACTIONS);
            retry(where, path + ".retry", op.retry());
            if (op.statements().isEmpty()) {
                throw error(where, path + ".statements", "missing; an operation runs at least one statement");
            }
            statements(where, path + ".statements", op.statements(), null, true);
        }
        Set<String> missing = new TreeSet<>(workload.required());
        missing.removeAll(sql.operations().keySet());
        if (!missing.isEmpty()) {
            throw error(where, "sql.operations", "missing " + String.join(", ", missing) + "; the " + workloadType
                    + " workload needs " + String.join(", ", new TreeSet<>(workload.required()))
                    + (workloadType.equals("register") ? " (and optionally write, for records that do not exist yet)" : ""));
        }
    }

    /** @param allowed the parameters the statements may use, or null for any (checked when prepared) */
    private static void statements(String where, String path, List<SqlStatement> statements, Set<String> allowed,
                                   boolean zeroRowsAllowed) {
        for (int i = 0; i < statements.size(); i++) {
            String at = path + "." + i;
            SqlStatement s = statements.get(i);
            if (s == null) {
                throw error(where, at, "an empty statement");
            }
            for (String backend : List.of("sqlite", "postgresql")) {
                String text = s.textFor(backend);
                if (text == null || text.isBlank()) {
                    throw error(where, at, "no SQL for " + backend + "; give sql: (every backend) or "
                            + "sqlite: and postgresql:");
                }
                if (allowed != null) {
                    for (String p : NamedSql.parse(text).distinctNames()) {
                        if (!allowed.contains(p)) {
                            throw error(where, at, "uses :" + p + "; setup and teardown statements may use only :key "
                                    + "(then the statement runs once per key)");
                        }
                    }
                }
            }
            if (s.zeroRows() != null && !zeroRowsAllowed) {
                throw error(where, at + ".zero-rows", "applies only to an operation's statements");
            }
            oneOf(where, at + ".zero-rows", s.zeroRows(), SqlStatement.ZERO_ROWS);
        }
    }

    private static void retry(String where, String path, RetrySpec retry) {
        if (retry == null) {
            return;
        }
        for (int i = 0; i < retry.on().size(); i++) {
            String problem = SqlRetry.problem(retry.on().get(i));
            if (problem != null) {
                throw error(where, path + ".on." + i, problem);
            }
        }
        RetrySpec r = retry.resolved();
        if (r.attempts() < 1 || r.attempts() > MAX_ATTEMPTS) {
            throw error(where, path + ".attempts", "attempts in all, the first included: 1 to " + MAX_ATTEMPTS
                    + ", was " + r.attempts());
        }
        if (r.backoff().isNegative() || r.maxBackoff().compareTo(r.backoff()) < 0
                || r.maxBackoff().compareTo(Duration.ofMinutes(1)) > 0) {
            throw error(where, path, "backoff (" + Durations.format(r.backoff()) + ") must be ≥ 0 and at most "
                    + "max-backoff (" + Durations.format(r.maxBackoff()) + "), which is at most 1m");
        }
    }

    private static void oneOf(String where, String path, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw error(where, path, "'" + value + "'; valid: " + String.join(", ", allowed));
        }
    }

    private static ScenarioException error(String where, String field, String what) {
        return new ScenarioException(where + ": field '" + field + "': " + what);
    }
}
