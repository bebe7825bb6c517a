package io.lockbench.stress.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/**
 * One SQL statement with named parameters ({@code :key}, {@code :value} …). Written as plain text,
 * or as a map when it needs more: a text per backend where their SQL differs (the clock,
 * {@code FOR UPDATE}), or what a row count of 0 means.
 *
 * @param sql        the statement, for every backend without a text of its own
 * @param sqlite     the statement on SQLite, instead of {@code sql}
 * @param postgresql the statement on PostgreSQL, instead of {@code sql}
 * @param zeroRows   {@code ok} (the default) or {@code fail}: a statement that changed or returned
 *                   no row makes the operation fail (rolled back when it has a transaction)
 */
public record SqlStatement(String sql, String sqlite, String postgresql, String zeroRows) {

    public static final List<String> ZERO_ROWS = List.of("ok", "fail");

    /** A statement written as plain text. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SqlStatement of(String sql) {
        return new SqlStatement(sql, null, null, null);
    }

    /** The text to run on {@code backend} ({@code sqlite} or {@code postgresql}), or null when none is given. */
    public String textFor(String backend) {
        String own = "sqlite".equals(backend) ? sqlite : postgresql;
        return own != null ? own : sql;
    }

    public boolean failOnZeroRows() {
        return "fail".equals(zeroRows);
    }
}
