package io.lockbench.impl.sequence;

import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A full copy of a version table that keeps its primary key, constraints and indexes, so a
 * restored table is the table it was: PostgreSQL {@code CREATE TABLE … (LIKE … INCLUDING ALL)};
 * SQLite the table's own {@code CREATE} statements from {@code sqlite_master}, renamed.
 */
final class VersionBackup {

    private static final String NAME = "(\"(?:[^\"]|\"\")*\"|\\[[^\\]]*]|`[^`]*`|[^\\s(]+)";
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?is)^\\s*CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME);
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "(?is)^\\s*CREATE\\s+(UNIQUE\\s+)?INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME + "\\s+ON\\s+" + NAME);

    private VersionBackup() {
    }

    static void copy(Connection c, Backend backend, String table, String backup) throws SQLException {
        if (backend == Backend.POSTGRESQL) {
            Jdbc.update(c, "CREATE TABLE " + SequenceSql.quote(backup) + " (LIKE " + SequenceSql.quote(table)
                    + " INCLUDING ALL)");
        } else {
            String create = Jdbc.queryOne(c, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                    rs -> rs.getString(1), table).orElseThrow(() -> new IllegalStateException("no table " + table));
            Jdbc.update(c, renamed(CREATE_TABLE, create, "CREATE TABLE " + SequenceSql.quote(backup)));
            List<String[]> indexes = Jdbc.queryList(c, "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                    + "AND tbl_name = ? AND sql IS NOT NULL", rs -> new String[] {rs.getString(1), rs.getString(2)}, table);
            for (String[] index : indexes) {
                Matcher m = CREATE_INDEX.matcher(index[1]);
                if (!m.find()) {
                    throw new IllegalStateException("cannot copy index " + index[0] + ": " + index[1]);
                }
                Jdbc.update(c, "CREATE " + (m.group(1) == null ? "" : "UNIQUE ") + "INDEX "
                        + SequenceSql.quote(backup + "_" + index[0]) + " ON " + SequenceSql.quote(backup)
                        + index[1].substring(m.end()));
            }
        }
        copyAllRows(c, backend, table, backup);
    }

    /** Copies every row of {@code from} into {@code to}, and fails unless all of them arrived. */
    static long copyAllRows(Connection c, Backend backend, String from, String to) throws SQLException {
        long copied = Jdbc.update(c, SequenceSql.copyRows(backend, to, from));
        long rows = Jdbc.queryLong(c, "SELECT COUNT(*) FROM " + SequenceSql.quote(from));
        if (copied != rows) {
            throw new IllegalStateException("stopped and changed nothing: copying " + from + " to " + to + " copied "
                    + copied + " rows of " + rows);
        }
        return copied;
    }

    private static String renamed(Pattern head, String sql, String replacement) {
        Matcher m = head.matcher(sql);
        if (!m.find()) {
            throw new IllegalStateException("cannot read the table's definition: " + sql);
        }
        return replacement + sql.substring(m.end());
    }
}
