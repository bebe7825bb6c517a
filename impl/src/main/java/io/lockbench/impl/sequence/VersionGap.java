package io.lockbench.impl.sequence;

/**
 * Versions missing from a file's numbering: none between {@code before} and {@code after}.
 *
 * @param fileId the file
 * @param before the last version present before the gap (0 when the file does not start at 1)
 * @param after  the next version present
 */
public record VersionGap(String fileId, long before, long after) {

    /** How many numbers are missing. */
    public long missing() {
        return after - before - 1;
    }
}
