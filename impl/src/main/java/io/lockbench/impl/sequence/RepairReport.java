package io.lockbench.impl.sequence;

import java.util.List;

/**
 * What a repair did, or would do on a dry run.
 *
 * @param dryRun        true if nothing was changed
 * @param backupTable   the copy of the table taken before any change ({@code null} on a dry run
 *                      or when there was nothing to repair)
 * @param filesRepaired how many files were renumbered
 * @param changes       every row whose version number changes, old → new
 * @param references    every row whose reverted-from version changes with the version it points at
 * @param constraint    the {@code UNIQUE(file, version)} added and verified in the same transaction
 *                      (its definition as the database has it), or {@code null} if none was asked
 */
public record RepairReport(boolean dryRun, String backupTable, int filesRepaired, List<Renumbering> changes,
                           List<Renumbering> references, String constraint) {

    public RepairReport {
        changes = List.copyOf(changes);
        references = List.copyOf(references);
    }

    /**
     * One row's new number.
     *
     * @param rowId the row's id as the driver returned it (a Long, a String …), bound back as is
     */
    public record Renumbering(Object rowId, String fileId, long oldVersion, long newVersion) {
    }
}
