package io.lockbench.impl.sequence;

import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Jdbc;
import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Undoes a repair: puts every row of a backup that {@link VersionRepair} took back into the
 * table, and removes the unique constraint the repair added, in one transaction (the table
 * locked against writers on PostgreSQL, as for the repair). The backup is kept.
 */
public final class VersionRestore {

    private final Database db;

    public VersionRestore(Database db) {
        this.db = db;
    }

    /** @return how many rows the table has after the restore */
    public long restore(VersionTable named, String backup) {
        VersionTable table = DuplicateVersionFinder.requireTable(db, named);
        return db.inTransaction(c -> {
            String lock = SequenceSql.lockForRepair(db.dialect(), table);
            if (lock != null) {
                Jdbc.update(c, lock);
            }
            List<String> tableColumns = columns(c, table.table());
            List<String> backupColumns = columns(c, backup);
            if (!tableColumns.equals(backupColumns)) {
                throw new IllegalArgumentException(backup + " is not a backup of " + table.table() + ": its columns are "
                        + backupColumns + ", the table's " + tableColumns);
            }
            Jdbc.update(c, SequenceSql.dropConstraint(db.backend(), table));
            Jdbc.update(c, "DELETE FROM " + SequenceSql.quote(table.table()));
            return VersionBackup.copyAllRows(c, db.backend(), backup, table.table());
        });
    }

    private List<String> columns(Connection c, String table) throws SQLException {
        String sql = "SELECT * FROM " + SequenceSql.quote(table) + " WHERE 1 = 0";
        try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            ResultSetMetaData m = rs.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= m.getColumnCount(); i++) {
                names.add(m.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalArgumentException("no table " + table + " on " + db.url() + " (" + e.getMessage() + ")", e);
        }
    }
}
