package io.lockbench.impl.sequence;

import io.lockbench.impl.db.Database;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds a version table as the database spells it: each name as given if the catalog has it
 * exactly (a camelCase {@code "fileId"} made with quotes on PostgreSQL), else the one name that
 * matches ignoring case ({@code --table Docs} for an unquoted {@code docs}). Every statement then
 * quotes the names, so the spelling found is the spelling used.
 */
final class VersionTableResolver {

    private VersionTableResolver() {
    }

    /** The table as the catalog names it; fails naming what is missing and what is there. */
    static VersionTable resolve(Database db, VersionTable named) {
        return db.withConnection(c -> {
            DatabaseMetaData meta = c.getMetaData();
            String schema = c.getSchema();
            String table = match(names(meta.getTables(null, schema, null, new String[] {"TABLE"}), "TABLE_NAME"),
                    named.table(), "no table " + named.table() + " on " + db.url(), "tables");
            List<String> columns = names(meta.getColumns(null, schema, escape(meta, table), null), "COLUMN_NAME");
            String where = " in table " + table + " on " + db.url();
            return new VersionTable(table,
                    match(columns, named.idColumn(), "no id column " + named.idColumn() + where, "columns"),
                    match(columns, named.fileColumn(), "no file column " + named.fileColumn() + where, "columns"),
                    match(columns, named.versionColumn(), "no version column " + named.versionColumn() + where, "columns"),
                    match(columns, named.createdColumn(), "no created column " + named.createdColumn() + where, "columns"),
                    named.revertedFromColumn() == null ? null : match(columns, named.revertedFromColumn(),
                            "no reverted-from column " + named.revertedFromColumn() + where, "columns"));
        });
    }

    /** Whether {@code table} has {@code column} (exactly, or the one name that differs only in case). */
    static boolean hasColumn(Database db, VersionTable table, String column) {
        try {
            resolve(db, table.withRevertedFromColumn(column));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String match(List<String> names, String wanted, String missing, String what) {
        if (names.contains(wanted)) {
            return wanted;
        }
        List<String> ignoringCase = names.stream()
                .filter(n -> n.toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))).toList();
        if (ignoringCase.size() == 1) {
            return ignoringCase.get(0);
        }
        throw new IllegalArgumentException(missing + (ignoringCase.isEmpty() ? "" : " (ambiguous: " + ignoringCase + ")")
                + "; the " + what + " there: " + (names.size() > 30 ? names.subList(0, 30) + " …" : names)
                + "; name yours with --table and the --*-column options");
    }

    private static String escape(DatabaseMetaData meta, String name) throws SQLException {
        String e = meta.getSearchStringEscape();
        return name.replace(e, e + e).replace("_", e + "_").replace("%", e + "%");
    }

    private static List<String> names(ResultSet rs, String column) throws SQLException {
        try (rs) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(column));
            }
            return names;
        }
    }
}
