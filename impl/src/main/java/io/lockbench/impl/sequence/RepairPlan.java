package io.lockbench.impl.sequence;

import io.lockbench.impl.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a repair changes, read from the table: each file with a duplicated version is numbered
 * 1, 2, 3 … in creation order (ties by id), and each reverted-from version of that file follows
 * the row it points at. A duplicated version points at its first row in that order, the one a
 * legacy revert copied ({@code ORDER BY id LIMIT 1} on rows created in id order).
 */
record RepairPlan(List<RepairReport.Renumbering> changes, List<RepairReport.Renumbering> references) {

    private record Row(Object id, String fileId, long version, Long revertedFrom) {
    }

    static RepairPlan read(Connection c, VersionTable table) throws SQLException {
        List<Row> rows = Jdbc.queryList(c, SequenceSql.rowsOfFilesWithDuplicates(table), rs -> new Row(
                rs.getObject(1), rs.getString(2), rs.getLong(3), longOrNull(rs.getLong(4), rs.wasNull())));
        List<RepairReport.Renumbering> changes = new ArrayList<>();
        List<RepairReport.Renumbering> references = new ArrayList<>();
        int start = 0;
        while (start < rows.size()) {
            int end = start;
            while (end < rows.size() && Objects.equals(rows.get(end).fileId(), rows.get(start).fileId())) {
                end++;
            }
            planFile(rows.subList(start, end), changes, references);
            start = end;
        }
        return new RepairPlan(changes, references);
    }

    private static void planFile(List<Row> file, List<RepairReport.Renumbering> changes,
                                 List<RepairReport.Renumbering> references) {
        Map<Long, Long> newNumberOf = new HashMap<>();
        long next = 1;
        for (Row r : file) {
            long newVersion = next++;
            newNumberOf.putIfAbsent(r.version(), newVersion);
            if (newVersion != r.version()) {
                changes.add(new RepairReport.Renumbering(r.id(), r.fileId(), r.version(), newVersion));
            }
        }
        for (Row r : file) {
            Long target = r.revertedFrom() == null ? null : newNumberOf.get(r.revertedFrom());
            if (target != null && target.longValue() != r.revertedFrom()) {
                references.add(new RepairReport.Renumbering(r.id(), r.fileId(), r.revertedFrom(), target));
            }
        }
    }

    private static Long longOrNull(long value, boolean wasNull) {
        return wasNull ? null : value;
    }

    int files() {
        return (int) changes.stream().map(RepairReport.Renumbering::fileId).distinct().count();
    }

    boolean isEmpty() {
        return changes.isEmpty() && references.isEmpty();
    }
}
