package io.lockbench.impl.sequence;

import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Jdbc;
import java.util.List;

/** Finds files whose version numbers repeat: what the broken twin, or pre-constraint code, left behind. */
public final class DuplicateVersionFinder {

    private final Database db;

    public DuplicateVersionFinder(Database db) {
        this.db = db;
    }

    /** Each duplicated (file, version), ordered by file then version; empty when the table is clean. */
    public List<DuplicateVersion> find(VersionTable table) {
        requireTable(db, table);
        return db.withConnection(c -> Jdbc.queryList(c, SequenceSql.findDuplicates(table),
                rs -> new DuplicateVersion(rs.getString(1), rs.getLong(2), rs.getLong(3))));
    }

    /**
     * {@code table} with {@code reverted_from} as its reverted-from column if it has one, so a
     * repair of lockbench's own tables (or a team's with that name) keeps reverts pointing right.
     */
    public static VersionTable withRevertedFromIfPresent(Database db, VersionTable table) {
        VersionTable candidate = table.withRevertedFromColumn("reverted_from");
        return probes(db, candidate) ? candidate : table;
    }

    private static boolean probes(Database db, VersionTable table) {
        return db.withConnection(c -> {
            try (java.sql.Statement s = c.createStatement()) {
                s.executeQuery(SequenceSql.probe(table)).close();
                return true;
            } catch (java.sql.SQLException e) {
                return false;
            }
        });
    }

    /** Fails with a message that names the table, its columns and the database if they are not there. */
    static void requireTable(Database db, VersionTable table) {
        if (!probes(db, table)) {
            throw new IllegalArgumentException("no table " + table.table() + " with columns " + table.idColumn() + ", "
                    + table.fileColumn() + ", " + table.versionColumn() + ", " + table.createdColumn()
                    + (table.revertedFromColumn() == null ? "" : ", " + table.revertedFromColumn()) + " on "
                    + db.url() + "; name yours with --table and the --*-column options");
        }
    }
}
