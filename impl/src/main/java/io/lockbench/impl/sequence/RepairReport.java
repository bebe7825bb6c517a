package io.lockbench.impl.sequence;

import java.util.List;

/**
 * What a repair did, or would do on a dry run.
 *
 * @param dryRun       true if nothing was changed
 * @param backupTable  the copy of the table taken before any change ({@code null} on a dry run
 *                     or when there was nothing to repair)
 * @param filesRepaired how many files were renumbered
 * @param changes      every row whose version number changes, old → new
 */
public record RepairReport(boolean dryRun, String backupTable, int filesRepaired, List<Renumbering> changes) {

    public RepairReport {
        changes = List.copyOf(changes);
    }

    /** One row's new number. */
    public record Renumbering(long rowId, String fileId, long oldVersion, long newVersion) {
    }
}
