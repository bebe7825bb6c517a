package io.lockbench.impl.db;

/**
 * What a database error means for a locking strategy, whatever the backend's codes. Every
 * retry decision in lockbench is made on these, never on vendor codes.
 */
public enum ErrorKind {
    /** A unique or primary-key constraint rejected the row (PostgreSQL 23505, SQLITE_CONSTRAINT_UNIQUE). */
    UNIQUE_VIOLATION(true),
    /** The transaction could not be serialized (PostgreSQL 40001, SQLITE_BUSY_SNAPSHOT); retry it whole. */
    SERIALIZATION_FAILURE(true),
    /** The server broke a deadlock by aborting this transaction (PostgreSQL 40P01). */
    DEADLOCK(true),
    /** A lock could not be taken without waiting (PostgreSQL 55P03: NOWAIT or lock_timeout). */
    LOCK_NOT_AVAILABLE(true),
    /** SQLITE_BUSY: another connection holds the lock and busy_timeout ran out (or would deadlock). */
    BUSY(true),
    /** SQLITE_LOCKED: a conflict inside one connection or shared cache; waiting does not help. */
    LOCKED(false),
    /**
     * The connection is gone (terminated backend, network, server restart). If it happened while
     * committing, the outcome is unknown: see {@link IndeterminateCommitException}.
     */
    CONNECTION_LOST(false),
    /** Anything else: a bug, bad SQL, a full disk. Not retried. */
    OTHER(false);

    private final boolean transientConflict;

    ErrorKind(boolean transientConflict) {
        this.transientConflict = transientConflict;
    }

    /** True when the same transaction, run again, may well succeed. */
    public boolean isTransientConflict() {
        return transientConflict;
    }
}
