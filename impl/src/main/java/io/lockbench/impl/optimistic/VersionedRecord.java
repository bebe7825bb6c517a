package io.lockbench.impl.optimistic;

/**
 * A row guarded by a version number.
 *
 * @param key       the record's id
 * @param content   its payload
 * @param version   1 when created, +1 on every successful update
 * @param updatedAt database clock at the last write, ms since the epoch
 */
public record VersionedRecord(String key, String content, long version, long updatedAt) {
}
