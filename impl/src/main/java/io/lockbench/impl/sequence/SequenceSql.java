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
        return "SELECT " + quote(t.fileColumn()) + ", " + quote(t.versionColumn()) + ", COUNT(*) FROM " + quote(t.table())
                + " GROUP BY " + quote(t.fileColumn()) + ", " + quote(t.versionColumn()) + " HAVING COUNT(*) > 1"
                + " ORDER BY " + quote(t.fileColumn()) + ", " + quote(t.versionColumn());
    }

    /**
     * Every row of every file that has a duplicated version, in the order repair renumbers them:
     * id, file, version and the reverted-from version (NULL when the table has no such column).
     */
    static String rowsOfFilesWithDuplicates(VersionTable t) {
        String revertedFrom = t.revertedFromColumn() == null ? "NULL" : quote(t.revertedFromColumn());
        return "SELECT " + quote(t.idColumn()) + ", " + quote(t.fileColumn()) + ", " + quote(t.versionColumn()) + ", " + revertedFrom
                + " FROM " + quote(t.table())
                + " WHERE " + quote(t.versionColumn()) + " IS NOT NULL AND " + quote(t.idColumn()) + " IS NOT NULL AND "
                + quote(t.fileColumn()) + " IN (SELECT "
                + quote(t.fileColumn()) + " FROM " + quote(t.table()) + " WHERE " + quote(t.versionColumn()) + " IS NOT NULL"
                + " GROUP BY " + quote(t.fileColumn()) + ", " + quote(t.versionColumn()) + " HAVING COUNT(*) > 1)"
                + " ORDER BY " + quote(t.fileColumn()) + ", " + quote(t.createdColumn()) + ", " + quote(t.idColumn());
    }

    /**
     * Each version that does not follow the one before it by 1 (or a first version that is not 1):
     * file, the version before (NULL for the first), the version.
     */
    static String findGaps(VersionTable t) {
        String f = quote(t.fileColumn());
        String v = quote(t.versionColumn());
        return "SELECT f, prev, v FROM (SELECT " + f + " AS f, " + v + " AS v, LAG(" + v + ") OVER (PARTITION BY " + f
                + " ORDER BY " + v + ") AS prev FROM " + quote(t.table()) + " WHERE " + f + " IS NOT NULL AND " + v
                + " IS NOT NULL) numbered WHERE (prev IS NULL AND v > 1) OR v > prev + 1 ORDER BY f, v";
    }

    /**
     * Each pair of neighbouring versions whose higher one was created first (any disorder has
     * such a pair): file, lower version, its creation, higher version, its creation. The times
     * are compared by the database, so any timestamp type works.
     */
    static String findOutOfOrder(VersionTable t) {
        String f = quote(t.fileColumn());
        String v = quote(t.versionColumn());
        String c = quote(t.createdColumn());
        String w = " OVER (PARTITION BY " + f + " ORDER BY " + v + ", " + quote(t.idColumn()) + ")";
        return "SELECT f, prev_v, prev_c, v, c FROM (SELECT " + f + " AS f, " + v + " AS v, " + c + " AS c, LAG(" + v
                + ")" + w + " AS prev_v, LAG(" + c + ")" + w + " AS prev_c FROM " + quote(t.table()) + " WHERE " + f
                + " IS NOT NULL AND " + v + " IS NOT NULL) ordered WHERE prev_v < v AND c < prev_c ORDER BY f, v";
    }

    /** Rows that repair cannot place, by the column that is NULL: id, file, version. */
    static String countSkippedRows(VersionTable t) {
        return "SELECT " + countNull(t.idColumn()) + ", " + countNull(t.fileColumn()) + ", " + countNull(t.versionColumn())
                + " FROM " + quote(t.table());
    }

    private static String countNull(String column) {
        return "COALESCE(SUM(CASE WHEN " + quote(column) + " IS NULL THEN 1 ELSE 0 END), 0)";
    }

    /** Selects nothing, but fails if the table or a column is missing. */
    static String probe(VersionTable t) {
        return "SELECT " + quote(t.idColumn()) + ", " + quote(t.fileColumn()) + ", " + quote(t.versionColumn()) + ", " + quote(t.createdColumn())
                + (t.revertedFromColumn() == null ? "" : ", " + quote(t.revertedFromColumn()))
                + " FROM " + quote(t.table()) + " WHERE 1 = 0";
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

    /** A table's name as the catalog query of {@link #constraintDefinition} takes it. */
    static String catalogName(io.lockbench.impl.db.Backend backend, String table) {
        return backend == io.lockbench.impl.db.Backend.POSTGRESQL ? quote(table) : table;
    }

    /** The constraint {@code repair --add-constraint} adds, by a name that restore can find again. */
    static String constraintName(VersionTable t) {
        String suffix = "_file_version_unique";
        String base = t.table().length() + suffix.length() > 63 ? t.table().substring(0, 63 - suffix.length()) : t.table();
        return base + suffix;
    }

    /** PostgreSQL: a table constraint; SQLite (no ALTER TABLE … ADD CONSTRAINT): a unique index. */
    static String addConstraint(io.lockbench.impl.db.Backend backend, VersionTable t) {
        String columns = " (" + quote(t.fileColumn()) + ", " + quote(t.versionColumn()) + ")";
        return backend == io.lockbench.impl.db.Backend.POSTGRESQL
                ? "ALTER TABLE " + quote(t.table()) + " ADD CONSTRAINT " + quote(constraintName(t)) + " UNIQUE" + columns
                : "CREATE UNIQUE INDEX " + quote(constraintName(t)) + " ON " + quote(t.table()) + columns;
    }

    static String dropConstraint(io.lockbench.impl.db.Backend backend, VersionTable t) {
        return backend == io.lockbench.impl.db.Backend.POSTGRESQL
                ? "ALTER TABLE " + quote(t.table()) + " DROP CONSTRAINT IF EXISTS " + quote(constraintName(t))
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
                ? "LOCK TABLE " + quote(t.table()) + " IN SHARE ROW EXCLUSIVE MODE" : null;
    }

    static String setRevertedFrom(VersionTable t) {
        return "UPDATE " + quote(t.table()) + " SET " + quote(t.revertedFromColumn()) + " = ? WHERE " + quote(t.idColumn()) + " = ?";
    }

    static String setVersion(VersionTable t) {
        return "UPDATE " + quote(t.table()) + " SET " + quote(t.versionColumn()) + " = ? WHERE " + quote(t.idColumn()) + " = ?";
    }
}
