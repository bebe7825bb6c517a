package io.lockbench.stress.client;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the statements of one operation on one connection, in order: binds each statement's named
 * parameters, binds the columns of the first row it returns for the statements after it, and
 * stops at a statement whose {@code zero-rows: fail} it meets. Knows nothing of transactions: the
 * caller runs this inside one, or in autocommit.
 */
final class SqlStatements {

    /** One statement, ready for a backend. */
    record Compiled(String name, NamedSql sql, boolean failOnZeroRows) {
    }

    /** A statement with {@code zero-rows: fail} changed or returned no row. */
    static final class ZeroRows extends RuntimeException {
        final String statement;

        ZeroRows(String statement) {
            super(statement + " changed or returned no row", null, false, false);
            this.statement = statement;
        }
    }

    /** Whether a statement of the operation has changed rows yet: then an autocommit operation can no longer fail cleanly. */
    static final class Progress {
        boolean changedRows;
        String lastStatement;
    }

    private SqlStatements() {
    }

    static StatementResults run(Connection c, List<Compiled> statements, Map<String, Object> parameters,
                                Duration thinkTime, Progress progress) throws SQLException {
        Map<String, Object> bound = new LinkedHashMap<>(parameters);
        List<Map<String, Object>> rows = List.of();
        long count = 0;
        for (int i = 0; i < statements.size(); i++) {
            Compiled s = statements.get(i);
            progress.lastStatement = s.name();
            try (PreparedStatement ps = c.prepareStatement(s.sql().jdbc())) {
                bind(ps, s, bound);
                if (ps.execute()) {
                    try (ResultSet rs = ps.getResultSet()) {
                        rows = rows(rs);
                    }
                    count = rows.size();
                    if (!rows.isEmpty()) {
                        bound.putAll(rows.get(0));
                        progress.changedRows |= !s.sql().isSelect();
                    }
                } else {
                    rows = List.of();
                    count = Math.max(0, ps.getUpdateCount());
                    progress.changedRows |= count > 0;
                }
            }
            if (count == 0 && s.failOnZeroRows()) {
                throw new ZeroRows(s.name());
            }
            if (!thinkTime.isZero() && !thinkTime.isNegative() && i < statements.size() - 1 && s.sql().isSelect()) {
                sleep(thinkTime); // an application that works on what it read before writing
            }
        }
        return new StatementResults(bound, rows, count);
    }

    private static void bind(PreparedStatement ps, Compiled s, Map<String, Object> bound) throws SQLException {
        List<String> names = s.sql().names();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!bound.containsKey(name)) {
                throw new IllegalStateException(s.name() + " uses :" + name + ", which neither the workload gives "
                        + "nor an earlier statement returned; available: " + available(bound));
            }
            Object v = bound.get(name);
            if (v == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (v instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (v instanceof String text) {
                ps.setString(i + 1, text);
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }

    static String available(Map<String, Object> bound) {
        return bound.keySet().stream().map(k -> ":" + k).reduce((a, b) -> a + ", " + b).orElse("none");
    }

    private static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int col = 1; col <= md.getColumnCount(); col++) {
                row.put(md.getColumnLabel(col).toLowerCase(Locale.ROOT), plain(rs.getObject(col)));
            }
            rows.add(row);
        }
        return rows;
    }

    /** A column value as history data: whole numbers as Long, whatever the driver's type. */
    static Object plain(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte || v instanceof BigInteger) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException notWhole) {
                return d.doubleValue();
            }
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        return v;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
