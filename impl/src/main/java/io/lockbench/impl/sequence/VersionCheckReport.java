package io.lockbench.impl.sequence;

import java.util.List;

/** Everything wrong with a version table's numbering; clean when all three lists are empty. */
public record VersionCheckReport(List<DuplicateVersion> duplicates, List<VersionGap> gaps,
                                 List<VersionOutOfOrder> outOfOrder) {

    public VersionCheckReport {
        duplicates = List.copyOf(duplicates);
        gaps = List.copyOf(gaps);
        outOfOrder = List.copyOf(outOfOrder);
    }

    public boolean clean() {
        return duplicates.isEmpty() && gaps.isEmpty() && outOfOrder.isEmpty();
    }
}
