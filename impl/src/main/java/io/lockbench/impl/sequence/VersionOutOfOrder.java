package io.lockbench.impl.sequence;

/**
 * A version created before the version below it: numbering and creation time disagree, as when
 * two writers raced and the later one took the lower number.
 *
 * @param fileId         the file
 * @param lowerVersion   the lower number, created later
 * @param lowerCreated   its creation time as the database prints it
 * @param higherVersion  the next number, created earlier
 * @param higherCreated  its creation time as the database prints it
 */
public record VersionOutOfOrder(String fileId, long lowerVersion, String lowerCreated, long higherVersion,
                                String higherCreated) {
}
