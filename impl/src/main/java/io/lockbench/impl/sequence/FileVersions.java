package io.lockbench.impl.sequence;

import java.util.List;
import java.util.Optional;

/**
 * Numbered versions of files, written by many sessions at once: the unique-constraint sequencing
 * strategy and its broken twin share this API, on every backend.
 */
public interface FileVersions {

    /** Creates the file at version 1. */
    FileVersion create(String fileId, String content);

    /** Adds the next version of an existing file. */
    FileVersion update(String fileId, String content);

    /** Adds the next version of an existing file as a copy of {@code toVersion}. */
    FileVersion revert(String fileId, long toVersion);

    /** All versions of the file, oldest first. */
    List<FileVersion> history(String fileId);

    Optional<FileVersion> latest(String fileId);
}
