package io.lockbench.cli;

import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.JdbcUrls;
import io.lockbench.impl.sequence.DuplicateVersion;
import io.lockbench.impl.sequence.DuplicateVersionFinder;
import io.lockbench.impl.sequence.RepairReport;
import io.lockbench.impl.sequence.SkippedRows;
import io.lockbench.impl.sequence.VersionCheck;
import io.lockbench.impl.sequence.VersionCheckReport;
import io.lockbench.impl.sequence.VersionGap;
import io.lockbench.impl.sequence.VersionOutOfOrder;
import io.lockbench.impl.sequence.VersionRepair;
import io.lockbench.impl.sequence.VersionRestore;
import io.lockbench.impl.sequence.VersionTable;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lockbench versions duplicates|check|repair}: find and fix duplicated file version numbers. */
@Command(name = "versions",
        mixinStandardHelpOptions = true,
        description = "Find and repair duplicated file version numbers (unique-constraint sequencing).",
        subcommands = {VersionsCommand.Duplicates.class, VersionsCommand.Check.class, VersionsCommand.Repair.class,
                VersionsCommand.Restore.class})
final class VersionsCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the versions live: the database and, for a user's own table, its names. */
    static final class TableOptions {
        @Mixin
        DatabaseOption database;

        @Option(names = "--table", defaultValue = "lb_file_versions_legacy",
                description = "Table holding the versions (default: ${DEFAULT-VALUE}, where the broken twin writes)")
        String table;

        @Option(names = "--id-column", defaultValue = "id", description = "Unique row id column (default: ${DEFAULT-VALUE})")
        String idColumn;

        @Option(names = "--file-column", defaultValue = "file_id", description = "File column (default: ${DEFAULT-VALUE})")
        String fileColumn;

        @Option(names = "--version-column", defaultValue = "version",
                description = "Version number column (default: ${DEFAULT-VALUE})")
        String versionColumn;

        @Option(names = "--created-column", defaultValue = "created_at",
                description = "Creation time column; repair renumbers in this order (default: ${DEFAULT-VALUE})")
        String createdColumn;

        @Option(names = "--reverted-from-column", paramLabel = "COLUMN", description = {
                "Column holding the version a row was reverted from; repair renumbers it with the",
                "versions it points at (default: reverted_from when the table has it)"})
        String revertedFromColumn;

        VersionTable versionTable() {
            return new VersionTable(table, idColumn, fileColumn, versionColumn, createdColumn, revertedFromColumn);
        }

        /** The table as named, with reverted_from when the user named no such column and it exists. */
        VersionTable versionTable(Database db) {
            VersionTable named = versionTable();
            return revertedFromColumn != null ? named : DuplicateVersionFinder.withRevertedFromIfPresent(db, named);
        }

        /**
         * The options as a command line, for a message that says what to run next: the URL with
         * its password hidden, and only the names that differ from the defaults.
         */
        String asArguments() {
            StringBuilder b = new StringBuilder("--db '").append(JdbcUrls.redact(database.url)).append("'");
            appendIfNot(b, "--table", table, "lb_file_versions_legacy");
            appendIfNot(b, "--id-column", idColumn, "id");
            appendIfNot(b, "--file-column", fileColumn, "file_id");
            appendIfNot(b, "--version-column", versionColumn, "version");
            appendIfNot(b, "--created-column", createdColumn, "created_at");
            appendIfNot(b, "--reverted-from-column", revertedFromColumn, null);
            return b.toString();
        }

        private static void appendIfNot(StringBuilder b, String option, String value, String byDefault) {
            if (value != null && !value.equals(byDefault)) {
                b.append(' ').append(option).append(' ').append(value);
            }
        }

        /**
         * Opens the database; {@code readOnly} for commands that only look (a SQLite file stays
         * byte-identical). A SQLite file that does not exist is an error either way: repairing
         * a database that is not there means the path is wrong.
         */
        Database open(boolean readOnly) {
            return database.open(readOnly);
        }
    }

    @Command(name = "duplicates", mixinStandardHelpOptions = true, description = {
            "Report each file and version number that more than one row carries.",
            "Exit codes: 0 no duplicates, 1 duplicates found, 2 error."})
    static final class Duplicates implements Callable<Integer> {
        @Mixin
        TableOptions where;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            VersionTable table = where.versionTable();
            try (Database db = where.open(true)) {
                List<DuplicateVersion> found = new DuplicateVersionFinder(db).find(table);
                PrintWriter out = spec.commandLine().getOut();
                for (DuplicateVersion d : found) {
                    out.printf("file %s: version %d is carried by %d rows%n", d.fileId(), d.version(), d.rows());
                }
                long files = found.stream().map(DuplicateVersion::fileId).distinct().count();
                out.printf("%s: %d duplicated version%s in %d file%s (table %s on %s)%n",
                        found.isEmpty() ? "clean" : "DUPLICATES", found.size(), found.size() == 1 ? "" : "s",
                        files, files == 1 ? "" : "s", table.table(), db.url());
                if (!found.isEmpty()) {
                    out.printf("to renumber them (a backup first, one transaction): lockbench versions repair %s "
                            + "--dry-run, then without --dry-run%n", where.asArguments());
                }
                return found.isEmpty() ? Lockbench.EXIT_VALID : Lockbench.EXIT_INVALID;
            }
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = {
            "Check every file's numbering: duplicated versions, gaps (a missing number) and versions",
            "created before the version below them. Reads only.",
            "Exit codes: 0 clean, 1 problems found, 2 error."})
    static final class Check implements Callable<Integer> {
        @Mixin
        TableOptions where;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            VersionTable table = where.versionTable();
            try (Database db = where.open(true)) {
                VersionCheckReport report = new VersionCheck(db).check(table);
                PrintWriter out = spec.commandLine().getOut();
                for (DuplicateVersion d : report.duplicates()) {
                    out.printf("file %s: version %d is carried by %d rows%n", d.fileId(), d.version(), d.rows());
                }
                for (VersionGap g : report.gaps()) {
                    out.printf("file %s: gap, %s%n", g.fileId(), g.missing() == 1 ? "version " + (g.before() + 1)
                            + " is missing" : "versions " + (g.before() + 1) + " to " + (g.after() - 1) + " are missing");
                }
                for (VersionOutOfOrder o : report.outOfOrder()) {
                    out.printf("file %s: version %d (created %s) is older than version %d (created %s)%n", o.fileId(),
                            o.higherVersion(), o.higherCreated(), o.lowerVersion(), o.lowerCreated());
                }
                out.printf("%s: %d duplicated version%s, %d gap%s, %d version%s out of creation order (table %s on %s)%n",
                        report.clean() ? "clean" : "PROBLEMS", report.duplicates().size(),
                        plural(report.duplicates().size()), report.gaps().size(), plural(report.gaps().size()),
                        report.outOfOrder().size(), plural(report.outOfOrder().size()), table.table(), db.url());
                if (!report.duplicates().isEmpty()) {
                    out.printf("duplicates: lockbench versions repair %s renumbers their files by creation time%n",
                            where.asArguments());
                }
                if (!report.gaps().isEmpty() || !report.outOfOrder().isEmpty()) {
                    out.println("gaps and creation order: no command changes them (renumbering would change version "
                            + "numbers already shown to users); repair renumbers them only in files that also have "
                            + "duplicates");
                }
                return report.clean() ? Lockbench.EXIT_VALID : Lockbench.EXIT_INVALID;
            }
        }

        private static String plural(int n) {
            return n == 1 ? "" : "s";
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true, description = {
            "Undo a repair: replace every row of the table with the rows of BACKUP (a table that",
            "versions repair made) and drop the unique constraint repair --add-constraint added, in one",
            "transaction. The backup is kept. Exit codes: 0 restored, 2 error (nothing changed)."})
    static final class Restore implements Callable<Integer> {
        @Mixin
        TableOptions where;

        @picocli.CommandLine.Parameters(index = "0", paramLabel = "BACKUP",
                description = "The backup table repair named, e.g. lb_file_versions_legacy_backup_20260101_120000_000")
        String backup;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            VersionTable table = where.versionTable();
            try (Database db = where.open(false)) {
                long rows = new VersionRestore(db).restore(table, backup);
                spec.commandLine().getOut().printf("restored %s from %s: %d rows; %s is kept (DROP TABLE it when done)%n",
                        table.table(), backup, rows, backup);
                return Lockbench.EXIT_VALID;
            }
        }
    }

    @Command(name = "repair", mixinStandardHelpOptions = true, description = {
            "Renumber the versions of every file with duplicates 1, 2, 3 … by creation time, in one",
            "transaction, after copying the table to <table>_backup_<UTC time>. --dry-run prints the plan",
            "and changes nothing (it opens the database read-only). Rows whose file or version is NULL",
            "are left alone and reported. Exit codes: 0 repaired or nothing to do, 1 rows were skipped",
            "(repaired the rest), 2 error (nothing changed)."})
    static final class Repair implements Callable<Integer> {
        @Mixin
        TableOptions where;

        @Option(names = "--dry-run", description = "Print what would change; change nothing")
        boolean dryRun;

        @Option(names = "--add-constraint", description = {
                "Also add UNIQUE(file, version) in the same transaction and check it is in place",
                "(a unique index on SQLite); versions restore removes it again"})
        boolean addConstraint;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = where.open(dryRun)) {
                VersionTable table = where.versionTable(db);
                VersionRepair repair = new VersionRepair(db);
                RepairReport report = dryRun ? repair.dryRun(table) : repair.repair(table, addConstraint);
                SkippedRows skipped = repair.skippedRows(table);
                PrintWriter out = spec.commandLine().getOut();
                for (RepairReport.Renumbering r : report.changes()) {
                    out.printf("file %s: row %s version %d -> %d%n", r.fileId(), r.rowId(), r.oldVersion(), r.newVersion());
                }
                for (RepairReport.Renumbering r : report.references()) {
                    out.printf("file %s: row %s %s %d -> %d%n", r.fileId(), r.rowId(), table.revertedFromColumn(),
                            r.oldVersion(), r.newVersion());
                }
                if (report.changes().isEmpty() && report.references().isEmpty()) {
                    out.printf("nothing to repair in %s on %s%n", table.table(), db.url());
                } else if (report.dryRun()) {
                    out.printf("dry run: would renumber %d rows in %d files; nothing was changed%n",
                            report.changes().size(), report.filesRepaired());
                } else {
                    out.printf("renumbered %d rows in %d files; the table before repair is in %s%n",
                            report.changes().size(), report.filesRepaired(), report.backupTable());
                }
                if (dryRun && addConstraint) {
                    out.println("dry run: would add UNIQUE (" + table.fileColumn() + ", " + table.versionColumn() + ")");
                }
                if (report.constraint() != null) {
                    out.printf("added and checked: %s; the table before it is in %s%n", report.constraint(),
                            report.backupTable());
                }
                if (report.backupTable() != null) {
                    out.printf("to undo: lockbench versions restore %s %s%n", report.backupTable(), where.asArguments());
                }
                if (skipped.any()) {
                    out.printf("SKIPPED rows left as they were, not renumbered: %d with a NULL %s, %d with a NULL %s, "
                            + "%d with a NULL %s (versions check shows what remains)%n", skipped.nullId(), table.idColumn(), skipped.nullFile(),
                            table.fileColumn(), skipped.nullVersion(), table.versionColumn());
                    return Lockbench.EXIT_INVALID;
                }
                return Lockbench.EXIT_VALID;
            }
        }
    }
}
