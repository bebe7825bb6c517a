package io.lockbench.stress.client;

import io.lockbench.api.Client;
import io.lockbench.api.ClientContext;
import io.lockbench.api.Completion;
import io.lockbench.api.Operation;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.DatabaseConfig;
import io.lockbench.impl.db.Dialect;
import io.lockbench.impl.db.TransactionControl;
import io.lockbench.stress.client.SqlStatements.Compiled;
import io.lockbench.stress.scenario.RetrySpec;
import io.lockbench.stress.scenario.SqlOperation;
import io.lockbench.stress.scenario.SqlSpec;
import io.lockbench.stress.scenario.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs a scenario's {@code sql:} section as a client: each operation's statements in one
 * transaction (begun as the section says) or in autocommit, retried by its policy, and answered as
 * the workload's checker expects ({@link SqlWorkload}).
 *
 * <p>The outcome follows what the database did, erring towards {@code info}: a statement with
 * {@code zero-rows: fail} that met no row fails the operation (its transaction is rolled back); an
 * error fails it only when it certainly changed nothing: a transaction that rolled back, or an
 * autocommit operation whose earlier statements changed no row. A COMMIT whose outcome is unknown,
 * or an autocommit operation cut off after a statement changed rows, is {@code info}.
 */
public final class SqlClient implements Client {

    private final SqlSpec spec;
    private final String where;
    private final SqlWorkload workload;
    private final List<String> keys;
    private final Set<String> readOnly;
    private Database db;
    private boolean ownsDatabase;
    private Dialect dialect;
    private TransactionControl transactions;
    private Duration thinkTime = Duration.ZERO;
    private final Map<String, CompiledOperation> operations = new LinkedHashMap<>();

    private record CompiledOperation(String name, boolean autocommit, SqlRetry retry, List<Compiled> statements) {
    }

    /**
     * @param where    names the scenario in errors
     * @param keys     the workload's keys: a setup statement that uses {@code :key} runs once per key
     * @param readOnly the workload's operations that change nothing
     */
    public SqlClient(SqlSpec spec, String workloadType, String where, List<String> keys, Set<String> readOnly) {
        this.spec = spec;
        this.where = where;
        this.workload = SqlWorkload.of(workloadType).orElseThrow(() -> new IllegalArgumentException(
                "the " + workloadType + " workload cannot be written as SQL; valid: " + String.join(", ", SqlWorkload.TYPES)));
        this.keys = List.copyOf(keys);
        this.readOnly = Set.copyOf(readOnly);
    }

    /** Runs the section's {@code setup} statements, then prepares every operation's statements to catch mistakes before the run. */
    @Override
    public void setup(ClientContext context) {
        onOwnConnection(context, c -> {
            runAll(c, spec.setup(), "sql.setup");
            new SqlPreparation(where, workload, context.backend()).check(c, spec);
        });
    }

    @Override
    public void teardown(ClientContext context) {
        onOwnConnection(context, c -> runAll(c, spec.teardown(), "sql.teardown"));
    }

    private interface ConnectionWork {
        void run(Connection c) throws SQLException;
    }

    private void onOwnConnection(ClientContext context, ConnectionWork work) {
        open(context);
        try {
            db.withConnection(c -> {
                work.run(c);
                return null;
            });
        } finally {
            close();
        }
    }

    @Override
    public void open(ClientContext context) {
        if (context instanceof ProcessDatabase p) {
            db = p.database();
        } else {
            db = Database.open(DatabaseConfig.of(context.jdbcUrl()).withMaxPoolSize(2));
            ownsDatabase = true;
        }
        dialect = db.dialect();
        transactions = transactionControl(context.backend());
        thinkTime = context.duration("think-time").orElse(Duration.ZERO);
        String backend = context.backend();
        RetrySpec sectionRetry = spec.retry() == null ? RetrySpec.NONE : spec.retry();
        spec.operations().forEach((name, op) -> {
            List<Compiled> statements = new ArrayList<>();
            for (int i = 0; i < op.statements().size(); i++) {
                SqlStatement s = op.statements().get(i);
                statements.add(new Compiled(statementName(name, i), NamedSql.parse(s.textFor(backend)), s.failOnZeroRows()));
            }
            operations.put(name, new CompiledOperation(name, op.autocommit(),
                    new SqlRetry(op.retry() != null ? op.retry() : sectionRetry), statements));
        });
    }

    static String statementName(String operation, int index) {
        return "sql.operations." + operation + ".statements." + index;
    }

    @Override
    public Completion invoke(Operation op) {
        CompiledOperation sql = operations.get(workload.operationFor(op, operations.keySet()));
        if (sql == null) {
            throw new IllegalArgumentException("the scenario's sql section has no operation '" + op.f() + "'");
        }
        Map<String, Object> parameters = workload.parameters(op);
        boolean readsOnly = readOnly.contains(op.f());
        for (int attempt = 1; ; attempt++) {
            SqlStatements.Progress progress = new SqlStatements.Progress();
            try {
                StatementResults results = sql.autocommit()
                        ? db.withConnection(c -> SqlStatements.run(c, sql.statements(), parameters, thinkTime, progress))
                        : db.inTransaction(transactions,
                                c -> SqlStatements.run(c, sql.statements(), parameters, thinkTime, progress));
                return workload.answer(op, results);
            } catch (SqlStatements.ZeroRows z) {
                if (sql.autocommit() && progress.changedRows && !readsOnly) {
                    return Completion.info("PARTIALLY_APPLIED", z.getMessage() + " after an earlier statement had "
                            + "committed changes (autocommit)");
                }
                return Completion.fail(workload.zeroRowsKind(sql.name()), z.getMessage());
            } catch (RuntimeException e) {
                boolean changedNothing = !(sql.autocommit() && progress.changedRows);
                if (changedNothing && attempt < sql.retry().attempts() && sql.retry().retries(e, dialect)) {
                    sleep(sql.retry().backoff(attempt + 1));
                    continue;
                }
                if (!changedNothing && !readsOnly) {
                    return Completion.info("PARTIALLY_APPLIED", progress.lastStatement + " failed after an earlier "
                            + "statement had committed changes (autocommit): " + Completions.describe(e));
                }
                Completion c = Completions.fromException(e, dialect, readsOnly);
                String error = attempt > 1 ? c.error() + " (attempt " + attempt + " of " + sql.retry().attempts() + ")"
                        : c.error();
                return new Completion(c.outcome(), c.value(), error, c.errorKind());
            }
        }
    }

    private TransactionControl transactionControl(String backend) {
        if (backend.equals("sqlite")) {
            String begin = spec.sqliteBegin() == null ? "deferred" : spec.sqliteBegin();
            return TransactionControl.statements("BEGIN " + begin.toUpperCase(Locale.ROOT));
        }
        String isolation = (spec.isolation() == null ? "read-committed" : spec.isolation())
                .replace('-', ' ').toUpperCase(Locale.ROOT);
        return TransactionControl.jdbc(isolation);
    }

    /** Runs setup or teardown statements in autocommit; one that uses {@code :key} runs once per key. */
    private void runAll(Connection c, List<SqlStatement> statements, String field) throws SQLException {
        for (int i = 0; i < statements.size(); i++) {
            NamedSql sql = NamedSql.parse(statements.get(i).textFor(dialect.backend().name().toLowerCase(Locale.ROOT)));
            List<String> runFor = sql.names().isEmpty() ? java.util.Collections.singletonList(null) : keys;
            try (var ps = c.prepareStatement(sql.jdbc())) {
                for (String key : runFor) {
                    for (int p = 1; p <= sql.names().size(); p++) {
                        ps.setString(p, key);
                    }
                    ps.execute();
                }
            } catch (SQLException e) {
                throw new io.lockbench.stress.scenario.ScenarioException(where + ": " + field + "." + i + " failed: "
                        + firstLine(e.getMessage()) + " (SQL: " + oneLine(sql.text()) + ")", e);
            }
        }
    }

    static String firstLine(String s) {
        if (s == null) {
            return "no message";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static String oneLine(String sql) {
        return sql.strip().replaceAll("\\s+", " ");
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (ownsDatabase && db != null) {
            db.close();
        }
        db = null;
        ownsDatabase = false;
        operations.clear();
    }
}
