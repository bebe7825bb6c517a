package io.lockbench.impl.sequence;

/**
 * Rows a repair cannot place, by the column that is NULL (a row can count in several): without
 * an id it cannot be updated, without a file or version it has no place in a numbering.
 */
public record SkippedRows(long nullId, long nullFile, long nullVersion) {

    public boolean any() {
        return nullId + nullFile + nullVersion > 0;
    }
}
