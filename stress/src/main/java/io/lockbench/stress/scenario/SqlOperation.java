package io.lockbench.stress.scenario;

import java.util.List;

/**
 * One workload operation written as SQL.
 *
 * @param transaction {@code one} (the default): all statements in one transaction, committed
 *                    together, rolled back together; {@code autocommit}: each statement commits
 *                    on its own, as code without a transaction does
 * @param retry       this operation's retry policy, instead of the section's
 * @param statements  run in order; each row a statement returns binds its columns, by label, as
 *                    parameters of the statements after it ({@code SELECT version AS seen …} then
 *                    {@code … = :seen + 1})
 */
public record SqlOperation(String transaction, RetrySpec retry, List<SqlStatement> statements) {

    public static final List<String> TRANSACTIONS = List.of("one", "autocommit");

    public SqlOperation {
        statements = statements == null ? List.of() : List.copyOf(statements);
    }

    public boolean autocommit() {
        return "autocommit".equals(transaction);
    }
}
