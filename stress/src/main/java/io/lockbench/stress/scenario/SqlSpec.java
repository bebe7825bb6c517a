package io.lockbench.stress.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario's {@code sql:} section: a team's strategy written as SQL, run by lockbench's SQL
 * client under the scenario's workload, faults and checkers. The README ("Test your own
 * implementation") documents every field with examples under {@code scenarios/examples/}.
 *
 * @param setup       statements run once before the clients start (CREATE TABLE …); a statement
 *                    that uses {@code :key} runs once per key of the workload (seeding rows)
 * @param teardown    statements run once after the final reads
 * @param isolation   PostgreSQL: {@code read-committed} (the default, as the server's),
 *                    {@code repeatable-read} or {@code serializable}; SQLite transactions are
 *                    always serializable, so this does not apply there
 * @param sqliteBegin SQLite: how a transaction begins: {@code deferred} (the default, what JDBC's
 *                    {@code setAutoCommit(false)} does: the write lock is taken at the first
 *                    write), {@code immediate} (taken at BEGIN, waiting up to busy-timeout) or
 *                    {@code exclusive}
 * @param retry       how every operation retries; an operation's own {@code retry} replaces it
 * @param operations  the workload's operations by name ({@code read}, {@code cas} …), each as SQL
 */
public record SqlSpec(List<SqlStatement> setup, List<SqlStatement> teardown, String isolation, String sqliteBegin,
                      RetrySpec retry, Map<String, SqlOperation> operations) {

    public static final List<String> ISOLATIONS = List.of("read-committed", "repeatable-read", "serializable");
    public static final List<String> SQLITE_BEGINS = List.of("deferred", "immediate", "exclusive");

    public SqlSpec {
        setup = setup == null ? List.of() : List.copyOf(setup);
        teardown = teardown == null ? List.of() : List.copyOf(teardown);
        operations = operations == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(operations));
    }
}
