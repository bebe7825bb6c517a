package io.lockbench.stress.client;

import io.lockbench.stress.scenario.ScenarioException;
import io.lockbench.stress.scenario.SqlOperation;
import io.lockbench.stress.scenario.SqlSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Prepares every statement of a {@code sql:} section on the run's database once its schema is
 * set up, before any client starts, so that a mistake stops the run with one clear message
 * instead of failing every operation: a statement the database cannot prepare (named, with the
 * database's own message), a parameter that nothing gives, or an answer column that no statement
 * returns.
 */
final class SqlPreparation {

    private final String where;
    private final SqlWorkload workload;
    private final String backend;

    SqlPreparation(String where, SqlWorkload workload, String backend) {
        this.where = where;
        this.workload = workload;
        this.backend = backend;
    }

    void check(Connection c, SqlSpec spec) {
        for (Map.Entry<String, SqlOperation> e : spec.operations().entrySet()) {
            check(c, e.getKey(), e.getValue());
        }
    }

    private void check(Connection c, String operation, SqlOperation op) {
        Set<String> available = new LinkedHashSet<>(workload.operations().get(operation));
        Set<String> returned = new TreeSet<>();
        Set<String> lastColumns = Set.of();
        boolean columnsKnown = true;
        for (int i = 0; i < op.statements().size(); i++) {
            String name = SqlClient.statementName(operation, i);
            NamedSql sql = NamedSql.parse(op.statements().get(i).textFor(backend));
            for (String p : sql.distinctNames()) {
                if (columnsKnown && !available.contains(p)) {
                    throw new ScenarioException(where + ": " + name + " uses :" + p + ", which the " + operation
                            + " operation does not give and no earlier statement returns; available: "
                            + params(available));
                }
            }
            Set<String> columns = prepare(c, name, sql);
            if (columns == null) {
                columnsKnown = false; // the driver cannot describe it: trust the names that follow
                lastColumns = null;
            } else {
                available.addAll(columns);
                returned.addAll(columns);
                lastColumns = columns;
            }
        }
        Set<String> needed = workload.answerColumns(operation);
        boolean fromLast = operation.equals("read") || operation.equals("inspect");
        Set<String> have = fromLast ? lastColumns : returned;
        if (have != null && columnsKnown && !have.containsAll(needed)) {
            Set<String> missing = new TreeSet<>(needed);
            missing.removeAll(have);
            throw new ScenarioException(where + ": sql.operations." + operation + ": "
                    + (fromLast ? "its last statement" : "its statements") + " must return the column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " (alias it: SELECT … AS " + missing.iterator().next() + "); "
                    + (have.isEmpty() ? "none returns any column" : "returned: " + String.join(", ", have)));
        }
    }

    /** Prepares the statement; the labels of the columns it returns, or null when the driver cannot say. */
    private Set<String> prepare(Connection c, String name, NamedSql sql) {
        try (PreparedStatement ps = c.prepareStatement(sql.jdbc())) {
            if (backend.equals("postgresql")) {
                ps.getParameterMetaData(); // the server parses and plans it only when asked to describe it
            }
            return returnsRows(sql) ? columns(ps) : Set.of();
        } catch (SQLException e) {
            throw new ScenarioException(where + ": " + name + " cannot be prepared on " + backend + ": "
                    + SqlClient.firstLine(e.getMessage()) + " (SQL: " + SqlClient.oneLine(sql.text()) + ")", e);
        }
    }

    private static boolean returnsRows(NamedSql sql) {
        String upper = sql.text().toUpperCase(Locale.ROOT);
        return sql.isSelect() || upper.stripLeading().startsWith("WITH") || upper.contains("RETURNING")
                || upper.stripLeading().startsWith("VALUES");
    }

    private static Set<String> columns(PreparedStatement ps) {
        try {
            ResultSetMetaData md = ps.getMetaData();
            if (md == null) {
                return null;
            }
            Set<String> labels = new LinkedHashSet<>();
            for (int col = 1; col <= md.getColumnCount(); col++) {
                labels.add(md.getColumnLabel(col).toLowerCase(Locale.ROOT));
            }
            return labels;
        } catch (SQLException e) {
            return null; // the driver cannot describe it before it runs
        }
    }

    private static String params(Set<String> names) {
        return names.stream().map(n -> ":" + n).reduce((a, b) -> a + ", " + b).orElse("none");
    }
}
