package io.lockbench.impl.sequence;

import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Renumbers the versions of every file that has duplicates, 1, 2, 3 … in order of creation
 * (ties broken by row id), so the table can take {@code UNIQUE(file_id, version)}, and moves each
 * reverted-from version with the row it points at. All in one transaction: first a full copy of
 * the table ({@code <table>_backup_<UTC timestamp>}), then the renumbering; a failure leaves the
 * table as it was. On PostgreSQL the table is locked against writers for the whole transaction,
 * so a legacy writer committing meanwhile cannot leave a duplicate the plan never saw (SQLite's
 * write transaction excludes other writers already). A dry run computes the same plan and
 * changes nothing, not even the backup.
 */
public final class VersionRepair {

    private static final DateTimeFormatter BACKUP_SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss_SSS");

    private final Database db;

    public VersionRepair(Database db) {
        this.db = db;
    }

    public RepairReport dryRun(VersionTable named) {
        VersionTable table = DuplicateVersionFinder.requireTable(db, named);
        return db.withConnection(c -> report(true, null, RepairPlan.read(c, table), null));
    }

    public RepairReport repair(VersionTable table) {
        return repair(table, false);
    }

    /**
     * Repairs and, with {@code addConstraint}, adds {@code UNIQUE(file, version)} in the same
     * transaction and checks the database has it, so no writer can slip a duplicate in between
     * the repair and the constraint. Adding it needs a backup too: restore removes it again.
     */
    public RepairReport repair(VersionTable named, boolean addConstraint) {
        VersionTable table = DuplicateVersionFinder.requireTable(db, named);
        return db.inTransaction(c -> {
            String lock = SequenceSql.lockForRepair(db.dialect(), table);
            if (lock != null) {
                Jdbc.update(c, lock);
            }
            RepairPlan plan = RepairPlan.read(c, table);
            if (plan.isEmpty() && !addConstraint) {
                return report(false, null, plan, null);
            }
            String backup = backupName(table);
            VersionBackup.copy(c, db.backend(), table.table(), backup);
            renumber(c, table, plan);
            return report(false, backup, plan, addConstraint ? addAndVerifyConstraint(c, table) : null);
        });
    }

    private String addAndVerifyConstraint(Connection c, VersionTable table) throws SQLException {
        Jdbc.update(c, SequenceSql.addConstraint(db.backend(), table));
        String definition = Jdbc.queryOne(c, SequenceSql.constraintDefinition(db.backend()), rs -> rs.getString(1),
                SequenceSql.constraintName(table), SequenceSql.catalogName(db.backend(), table.table())).orElse(null);
        if (definition == null || !Jdbc.queryList(c, SequenceSql.findDuplicates(table), rs -> 1).isEmpty()) {
            throw new IllegalStateException("repair rolled back: the unique constraint on " + table.table()
                    + " was not in place after it was added (" + definition + ")");
        }
        return definition;
    }

    private static void renumber(Connection c, VersionTable table, RepairPlan plan) throws SQLException {
        // Two passes through negative numbers, so no intermediate state repeats a pair even
        // if the table already has a unique index on some other duplicate-free files.
        for (RepairReport.Renumbering r : plan.changes()) {
            requireOneRow(Jdbc.update(c, SequenceSql.setVersion(table), -r.newVersion(), r.rowId()), r, table);
        }
        for (RepairReport.Renumbering r : plan.changes()) {
            requireOneRow(Jdbc.update(c, SequenceSql.setVersion(table), r.newVersion(), r.rowId()), r, table);
        }
        for (RepairReport.Renumbering r : plan.references()) {
            requireOneRow(Jdbc.update(c, SequenceSql.setRevertedFrom(table), r.newVersion(), r.rowId()), r, table);
        }
    }

    private static RepairReport report(boolean dryRun, String backup, RepairPlan plan, String constraint) {
        return new RepairReport(dryRun, backup, plan.files(), plan.changes(), plan.references(), constraint);
    }

    /**
     * Rows the repair leaves alone because their id, file or version is NULL: reported, never
     * silently skipped.
     */
    public SkippedRows skippedRows(VersionTable named) {
        VersionTable table = DuplicateVersionFinder.requireTable(db, named);
        return db.withConnection(c -> Jdbc.queryOne(c, SequenceSql.countSkippedRows(table),
                rs -> new SkippedRows(rs.getLong(1), rs.getLong(2), rs.getLong(3))).orElseThrow());
    }

    /**
     * Each update must change exactly its row: a row id that matches no row or several (an id
     * column that is not unique) fails the repair, and the transaction rolls back.
     */
    private static void requireOneRow(int updated, RepairReport.Renumbering r, VersionTable table) {
        if (updated != 1) {
            throw new IllegalStateException("repair stopped and changed nothing: updating row "
                    + r.rowId() + " (file " + r.fileId() + ") in " + table.table() + " matched " + updated
                    + " rows instead of 1; is " + table.idColumn() + " a unique id? Name one with --id-column");
        }
    }

    private static String backupName(VersionTable table) {
        String suffix = "_backup_" + ZonedDateTime.now(ZoneOffset.UTC).format(BACKUP_SUFFIX);
        String base = table.table();
        return (base.length() + suffix.length() > 63 ? base.substring(0, 63 - suffix.length()) : base) + suffix;
    }
}
