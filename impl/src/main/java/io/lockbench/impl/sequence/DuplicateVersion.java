package io.lockbench.impl.sequence;

/**
 * A version number that more than one row of a file carries.
 *
 * @param fileId  the file
 * @param version the duplicated number
 * @param rows    how many rows carry it (≥ 2)
 */
public record DuplicateVersion(String fileId, long version, long rows) {
}
