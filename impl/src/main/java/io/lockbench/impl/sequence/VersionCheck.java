package io.lockbench.impl.sequence;

import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Jdbc;

/**
 * Checks a version table's numbering: duplicated versions, gaps (a file's versions are 1, 2, 3 …
 * with none missing) and versions whose creation times run against their numbers. Reads only.
 */
public final class VersionCheck {

    private final Database db;

    public VersionCheck(Database db) {
        this.db = db;
    }

    public VersionCheckReport check(VersionTable named) {
        VersionTable table = DuplicateVersionFinder.requireTable(db, named);
        DuplicateVersionFinder finder = new DuplicateVersionFinder(db);
        var duplicates = finder.find(table);
        return db.withConnection(c -> new VersionCheckReport(duplicates,
                Jdbc.queryList(c, SequenceSql.findGaps(table), rs -> new VersionGap(rs.getString(1),
                        rs.getLong(2), rs.getLong(3))),
                Jdbc.queryList(c, SequenceSql.findOutOfOrder(table), rs -> new VersionOutOfOrder(rs.getString(1),
                        rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5)))));
    }
}
