package io.lockbench.impl.sequence;

/**
 * One version of a file.
 *
 * @param id           the row's surrogate key
 * @param fileId       which file
 * @param version      1, 2, 3 … per file
 * @param content      the file's content at that version
 * @param revertedFrom the version this one copies, when it was made by a revert; else {@code null}
 * @param createdAt    database clock when it was written, ms since the epoch
 */
public record FileVersion(long id, String fileId, long version, String content, Long revertedFrom, long createdAt) {
}
