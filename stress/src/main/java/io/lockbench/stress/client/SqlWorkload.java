package io.lockbench.stress.client;

import io.lockbench.api.Completion;
import io.lockbench.api.Operation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the SQL of one workload's operations is given and must answer: the operations a scenario
 * writes, the parameters each statement may use, the columns each must return, and how the
 * statements' results become the completion the workload's checker reads. One instance per client
 * process (it may remember what the process holds).
 */
public interface SqlWorkload {

    /** The workload types whose operations can be written as SQL. */
    List<String> TYPES = List.of("register", "sequence", "claims");

    /** A new instance for one client process, or empty for a workload that cannot be written as SQL. */
    static Optional<SqlWorkload> of(String type) {
        return switch (type) {
            case "register" -> Optional.of(new RegisterSql());
            case "sequence" -> Optional.of(new SequenceSql());
            case "claims" -> Optional.of(new ClaimsSql());
            default -> Optional.empty();
        };
    }

    /** Parameter names in the order people read them. */
    static Set<String> names(String... names) {
        return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(List.of(names)));
    }

    /** Every operation a scenario may write, each with the parameters the workload gives it. */
    Map<String, Set<String>> operations();

    /** The operations a scenario must write. */
    Set<String> required();

    /** Columns the operation's statements must return between them (by label), to answer it. */
    default Set<String> answerColumns(String operation) {
        return Set.of();
    }

    /** The written operation that performs {@code op}, given the ones the scenario wrote. */
    default String operationFor(Operation op, Set<String> written) {
        return op.f();
    }

    /** The parameters of {@code op}'s statements. */
    Map<String, Object> parameters(Operation op);

    /** The error kind of a failure by {@code zero-rows: fail}, in the report's failure rates. */
    String zeroRowsKind(String operation);

    /** The completion of {@code op} whose statements all ran. */
    Completion answer(Operation op, StatementResults results);
}
