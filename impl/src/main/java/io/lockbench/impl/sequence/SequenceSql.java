package io.lockbench.impl.sequence;

import io.lockbench.impl.db.Dialect;
import io.lockbench.impl.db.Migration;
import java.util.List;

/** All SQL of the unique-constraint sequencing strategy, its broken twin, finder and repair. */
final class SequenceSql {

    static final String COMPONENT = "sequence";
    private static final String COLUMNS = "id, file_id, version, content, reverted_from, created_at";

    final String insertFirst;
    /**
     * Computes the next version inside the inserting statement, so the read and the write are one
     * transaction; an existing file is required (no row, nothing inserted).
     */
    final String insertNext;
    final String selectContent;
    final String selectHistory;
    final String selectLatest;
    /** The broken twin: the max is read on its own, outside the transaction that inserts. */
    final String selectMaxLegacy;
    final String insertLegacy;

    SequenceSql(Dialect d) {
        insertFirst = insertInto(VersionTable.CONSTRAINED.table()) + " VALUES (?, 1, ?, NULL, " + d.nowMillis()
                + ") RETURNING " + COLUMNS;
        insertNext = insertInto(VersionTable.CONSTRAINED.table())
                + " SELECT ?, MAX(version) + 1, ?, ?, " + d.nowMillis()
                + " FROM lb_file_versions WHERE file_id = ? HAVING COUNT(*) > 0 RETURNING " + COLUMNS;
        selectContent = "SELECT content FROM %s WHERE file_id = ? AND version = ? ORDER BY id LIMIT 1";
        selectHistory = "SELECT " + COLUMNS + " FROM %s WHERE file_id = ? ORDER BY version, id";
        selectLatest = "SELECT " + COLUMNS + " FROM %s WHERE file_id = ? ORDER BY version DESC, id DESC LIMIT 1";
        selectMaxLegacy = "SELECT COALESCE(MAX(version), 0) FROM lb_file_versions_legacy WHERE file_id = ?";
        insertLegacy = insertInto(VersionTable.LEGACY.table()) + " VALUES (?, ?, ?, ?, " + d.nowMillis()
                + ") RETURNING " + COLUMNS;
    }

    private static String insertInto(String table) {
        return "INSERT INTO " + table + " (file_id, version, content, reverted_from, created_at)";
    }

    static String on(String template, VersionTable table) {
        return String.format(template, table.table());
    }

    static List<Migration> migrations(Dialect d) {
        return List.of(Migration.of(1, "file versions with UNIQUE(file_id, version), and a legacy table without it",
                "CREATE TABLE IF NOT EXISTS lb_file_versions ("
                        + "id " + d.autoIdColumn() + ", "
                        + "file_id VARCHAR(200) NOT NULL, "
                        + "version BIGINT NOT NULL, "
                        + "content TEXT, "
                        + "reverted_from BIGINT, "
                        + "created_at BIGINT NOT NULL, "
                        + "CONSTRAINT lb_file_versions_file_version_key UNIQUE (file_id, version))",
                "CREATE TABLE IF NOT EXISTS lb_file_versions_legacy ("
                        + "id " + d.autoIdColumn() + ", "
                        + "file_id VARCHAR(200) NOT NULL, "
                        + "version BIGINT NOT NULL, "
                        + "content TEXT, "
                        + "reverted_from BIGINT, "
                        + "created_at BIGINT NOT NULL)",
                "CREATE INDEX IF NOT EXISTS lb_file_versions_legacy_file ON lb_file_versions_legacy (file_id, version)"));
    }

    // ---- duplicate finder and repair, on any VersionTable ----

    static String findDuplicates(VersionTable t) {
        return "SELECT " + t.fileColumn() + ", " + t.versionColumn() + ", COUNT(*) FROM " + t.table()
                + " GROUP BY " + t.fileColumn() + ", " + t.versionColumn() + " HAVING COUNT(*) > 1"
                + " ORDER BY " + t.fileColumn() + ", " + t.versionColumn();
    }

    /**
     * Every row of every file that has a duplicated version, in the order repair renumbers them:
     * id, file, version and the reverted-from version (NULL when the table has no such column).
     */
    static String rowsOfFilesWithDuplicates(VersionTable t) {
        String revertedFrom = t.revertedFromColumn() == null ? "NULL" : t.revertedFromColumn();
        return "SELECT " + t.idColumn() + ", " + t.fileColumn() + ", " + t.versionColumn() + ", " + revertedFrom
                + " FROM " + t.table()
                + " WHERE " + t.versionColumn() + " IS NOT NULL AND " + t.fileColumn() + " IN (SELECT "
                + t.fileColumn() + " FROM " + t.table() + " WHERE " + t.versionColumn() + " IS NOT NULL"
                + " GROUP BY " + t.fileColumn() + ", " + t.versionColumn() + " HAVING COUNT(*) > 1)"
                + " ORDER BY " + t.fileColumn() + ", " + t.createdColumn() + ", " + t.idColumn();
    }

    /**
     * Each version that does not follow the one before it by 1 (or a first version that is not 1):
     * file, the version before (NULL for the first), the version.
     */
    static String findGaps(VersionTable t) {
        String f = t.fileColumn();
        String v = t.versionColumn();
        return "SELECT f, prev, v FROM (SELECT " + f + " AS f, " + v + " AS v, LAG(" + v + ") OVER (PARTITION BY " + f
                + " ORDER BY " + v + ") AS prev FROM " + t.table() + " WHERE " + f + " IS NOT NULL AND " + v
                + " IS NOT NULL) numbered WHERE (prev IS NULL AND v > 1) OR v > prev + 1 ORDER BY f, v";
    }

    /**
     * Each pair of neighbouring versions whose higher one was created first (any disorder has
     * such a pair): file, lower version, its creation, higher version, its creation. The times
     * are compared by the database, so any timestamp type works.
     */
    static String findOutOfOrder(VersionTable t) {
        String f = t.fileColumn();
        String v = t.versionColumn();
        String c = t.createdColumn();
        String w = " OVER (PARTITION BY " + f + " ORDER BY " + v + ", " + t.idColumn() + ")";
        return "SELECT f, prev_v, prev_c, v, c FROM (SELECT " + f + " AS f, " + v + " AS v, " + c + " AS c, LAG(" + v
                + ")" + w + " AS prev_v, LAG(" + c + ")" + w + " AS prev_c FROM " + t.table() + " WHERE " + f
                + " IS NOT NULL AND " + v + " IS NOT NULL) ordered WHERE prev_v < v AND c < prev_c ORDER BY f, v";
    }

    /** Rows that repair cannot place: no file or no version. */
    static String countRowsWithoutFileOrVersion(VersionTable t) {
        return "SELECT COUNT(*) FROM " + t.table() + " WHERE " + t.fileColumn() + " IS NULL OR "
                + t.versionColumn() + " IS NULL";
    }

    /** Selects nothing, but fails if the table or a column is missing. */
    static String probe(VersionTable t) {
        return "SELECT " + t.idColumn() + ", " + t.fileColumn() + ", " + t.versionColumn() + ", " + t.createdColumn()
                + (t.revertedFromColumn() == null ? "" : ", " + t.revertedFromColumn())
                + " FROM " + t.table() + " WHERE 1 = 0";
    }

    /** A name as a quoted SQL identifier, so any spelling (camelCase, a space) means itself. */
    static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** Every row of {@code from} into {@code to}, ids included (also into a GENERATED ALWAYS id). */
    static String copyRows(io.lockbench.impl.db.Backend backend, String to, String from) {
        return "INSERT INTO " + quote(to) + (backend == io.lockbench.impl.db.Backend.POSTGRESQL
                ? " OVERRIDING SYSTEM VALUE" : "") + " SELECT * FROM " + quote(from);
    }

    /** The constraint {@code repair --add-constraint} adds, by a name that restore can find again. */
    static String constraintName(VersionTable t) {
        String suffix = "_file_version_unique";
        String base = t.table().length() + suffix.length() > 63 ? t.table().substring(0, 63 - suffix.length()) : t.table();
        return base + suffix;
    }

    /** PostgreSQL: a table constraint; SQLite (no ALTER TABLE … ADD CONSTRAINT): a unique index. */
    static String addConstraint(io.lockbench.impl.db.Backend backend, VersionTable t) {
        String columns = " (" + t.fileColumn() + ", " + t.versionColumn() + ")";
        return backend == io.lockbench.impl.db.Backend.POSTGRESQL
                ? "ALTER TABLE " + t.table() + " ADD CONSTRAINT " + quote(constraintName(t)) + " UNIQUE" + columns
                : "CREATE UNIQUE INDEX " + quote(constraintName(t)) + " ON " + t.table() + columns;
    }

    static String dropConstraint(io.lockbench.impl.db.Backend backend, VersionTable t) {
        return backend == io.lockbench.impl.db.Backend.POSTGRESQL
                ? "ALTER TABLE " + t.table() + " DROP CONSTRAINT IF EXISTS " + quote(constraintName(t))
                : "DROP INDEX IF EXISTS " + quote(constraintName(t));
    }

    /** The definition of the constraint as the catalog has it (one row), or no row. */
    static String constraintDefinition(io.lockbench.impl.db.Backend backend) {
        return backend == io.lockbench.impl.db.Backend.POSTGRESQL
                ? "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = ? AND contype = 'u'"
                + " AND conrelid = to_regclass(?)"
                : "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ? AND tbl_name = ?";
    }

    /**
     * Keeps legacy writers out for the rest of the repair's transaction, or {@code null} where a
     * write transaction already does (SQLite, BEGIN IMMEDIATE). SHARE ROW EXCLUSIVE conflicts with
     * every INSERT, UPDATE and DELETE (and waits for those in flight to commit) but lets readers on.
     */
    static String lockForRepair(Dialect d, VersionTable t) {
        return d.backend() == io.lockbench.impl.db.Backend.POSTGRESQL
                ? "LOCK TABLE " + t.table() + " IN SHARE ROW EXCLUSIVE MODE" : null;
    }

    static String setRevertedFrom(VersionTable t) {
        return "UPDATE " + t.table() + " SET " + t.revertedFromColumn() + " = ? WHERE " + t.idColumn() + " = ?";
    }

    static String setVersion(VersionTable t) {
        return "UPDATE " + t.table() + " SET " + t.versionColumn() + " = ? WHERE " + t.idColumn() + " = ?";
    }
}
