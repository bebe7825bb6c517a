package io.lockbench.impl.optimistic;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Records updated by read-modify-write under concurrency: the optimistic-retry strategy and its
 * broken twin share this API, on every backend.
 */
public interface VersionedStore {

    /** Attempts an update gets unless told otherwise. */
    int DEFAULT_MAX_ATTEMPTS = 3;

    /** Creates {@code key} at version 1; fails with a unique violation if it exists. */
    VersionedRecord create(String key, String content);

    Optional<VersionedRecord> read(String key);

    /**
     * Reads the record, applies {@code update} to its content and writes the result, retrying
     * when another writer got there first.
     *
     * @param maxAttempts attempts in all, ≥ 1 (the issue's {@code maxRetries})
     * @return the record as written
     * @throws OptimisticLockException when every attempt met a concurrent writer
     * @throws java.util.NoSuchElementException when the record does not exist
     */
    VersionedRecord updateWithLocking(String key, UnaryOperator<String> update, int maxAttempts);

    default VersionedRecord updateWithLocking(String key, UnaryOperator<String> update) {
        return updateWithLocking(key, update, DEFAULT_MAX_ATTEMPTS);
    }
}
