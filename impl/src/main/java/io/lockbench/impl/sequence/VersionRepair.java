package io.lockbench.impl.sequence;

import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Jdbc;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Renumbers the versions of every file that has duplicates, 1, 2, 3 … in order of creation
 * (ties broken by row id), so the table can take {@code UNIQUE(file_id, version)}. All in one
 * transaction: first a full copy of the table ({@code <table>_backup_<UTC timestamp>}), then the
 * renumbering; a failure leaves the table as it was. A dry run computes the same plan and
 * changes nothing, not even the backup.
 */
public final class VersionRepair {

    private static final DateTimeFormatter BACKUP_SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss_SSS");

    private final Database db;

    public VersionRepair(Database db) {
        this.db = db;
    }

    public RepairReport dryRun(VersionTable table) {
        DuplicateVersionFinder.requireTable(db, table);
        return db.withConnection(c -> {
            List<RepairReport.Renumbering> plan = plan(c, table);
            return new RepairReport(true, null, countFiles(plan), plan);
        });
    }

    public RepairReport repair(VersionTable table) {
        DuplicateVersionFinder.requireTable(db, table);
        return db.inTransaction(c -> {
            List<RepairReport.Renumbering> plan = plan(c, table);
            if (plan.isEmpty()) {
                return new RepairReport(false, null, 0, plan);
            }
            String backup = backupName(table);
            Jdbc.update(c, SequenceSql.backup(table, backup));
            // Two passes through negative numbers, so no intermediate state repeats a pair even
            // if the table already has a unique index on some other duplicate-free files.
            for (RepairReport.Renumbering r : plan) {
                requireOneRow(Jdbc.update(c, SequenceSql.setVersion(table), -r.newVersion(), r.rowId()), r, table);
            }
            for (RepairReport.Renumbering r : plan) {
                requireOneRow(Jdbc.update(c, SequenceSql.setVersion(table), r.newVersion(), r.rowId()), r, table);
            }
            return new RepairReport(false, backup, countFiles(plan), plan);
        });
    }

    /**
     * Rows the repair leaves alone because their file or version is NULL: reported, never
     * silently skipped.
     */
    public long rowsWithoutFileOrVersion(VersionTable table) {
        DuplicateVersionFinder.requireTable(db, table);
        return db.withConnection(c -> Jdbc.queryList(c, SequenceSql.countRowsWithoutFileOrVersion(table),
                rs -> rs.getLong(1)).get(0));
    }

    /**
     * Each update must change exactly its row: a row id that matches no row or several (an id
     * column that is not a unique integer) fails the repair, and the transaction rolls back.
     */
    private static void requireOneRow(int updated, RepairReport.Renumbering r, VersionTable table) {
        if (updated != 1) {
            throw new IllegalStateException("repair stopped and changed nothing: setting the version of row "
                    + r.rowId() + " (file " + r.fileId() + ") in " + table.table() + " matched " + updated
                    + " rows instead of 1; is " + table.idColumn() + " a unique integer id? Name one with --id-column");
        }
    }

    private static List<RepairReport.Renumbering> plan(java.sql.Connection c, VersionTable table)
            throws java.sql.SQLException {
        record Row(long id, String fileId, long version) {
        }
        List<Row> rows = Jdbc.queryList(c, SequenceSql.rowsOfFilesWithDuplicates(table),
                rs -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3)));
        List<RepairReport.Renumbering> plan = new ArrayList<>();
        String file = null;
        long next = 0;
        for (Row r : rows) {
            if (!Objects.equals(r.fileId(), file)) {
                file = r.fileId();
                next = 1;
            }
            long newVersion = next++;
            if (newVersion != r.version()) {
                plan.add(new RepairReport.Renumbering(r.id(), r.fileId(), r.version(), newVersion));
            }
        }
        return plan;
    }

    private static int countFiles(List<RepairReport.Renumbering> plan) {
        return (int) plan.stream().map(RepairReport.Renumbering::fileId).distinct().count();
    }

    private static String backupName(VersionTable table) {
        String suffix = "_backup_" + ZonedDateTime.now(ZoneOffset.UTC).format(BACKUP_SUFFIX);
        String base = table.table();
        return (base.length() + suffix.length() > 63 ? base.substring(0, 63 - suffix.length()) : base) + suffix;
    }
}
