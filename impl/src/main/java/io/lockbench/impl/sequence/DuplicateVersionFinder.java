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
        return db.withConnection(c -> Jdbc.queryList(c, SequenceSql.findDuplicates(table),
                rs -> new DuplicateVersion(rs.getString(1), rs.getLong(2), rs.getLong(3))));
    }
}
