package io.lockbench.impl.retry;

import io.lockbench.impl.db.ErrorKind;

/**
 * Told about every attempt a retrying strategy lost to a concurrent writer, so a caller can count
 * conflicts and retries that the strategy otherwise hides (benchmarks, metrics). Called on the
 * writing thread, before the backoff; must be cheap and must not throw.
 */
public interface RetryListener {

    /** Counts nothing: the default of every strategy. */
    RetryListener NONE = new RetryListener() {
    };

    /**
     * The attempt's conditional write matched no row: another writer changed the version first.
     *
     * @param attempt  the attempt that lost, 1-based
     * @param retrying true when another attempt follows, false when this was the last one
     */
    default void versionConflict(String key, int attempt, boolean retrying) {
    }

    /**
     * The attempt failed with a transient database error (a unique violation, a serialization
     * failure, SQLITE_BUSY …): nothing of it was written.
     *
     * @param kind     what the database said
     * @param attempt  the attempt that lost, 1-based
     * @param retrying true when another attempt follows, false when this was the last one
     */
    default void transientFailure(String key, ErrorKind kind, int attempt, boolean retrying) {
    }
}
