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
    public List<DuplicateVersion> find(VersionTable named) {
        VersionTable table = requireTable(db, named);
        return db.withConnection(c -> Jdbc.queryList(c, SequenceSql.findDuplicates(table),
                rs -> new DuplicateVersion(rs.getString(1), rs.getLong(2), rs.getLong(3))));
    }

    /**
     * {@code table} with {@code reverted_from} as its reverted-from column if it has one, so a
     * repair of lockbench's own tables (or a team's with that name) keeps reverts pointing right.
     */
    public static VersionTable withRevertedFromIfPresent(Database db, VersionTable table) {
        return VersionTableResolver.hasColumn(db, table, "reverted_from") ? table.withRevertedFromColumn("reverted_from")
                : table;
    }

    /**
     * The table as the database spells it; fails with a message that names the table, its
     * columns and the database if they are not there.
     */
    static VersionTable requireTable(Database db, VersionTable table) {
        return VersionTableResolver.resolve(db, table);
    }
}
