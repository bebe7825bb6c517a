package io.lockbench.impl.optimistic;

import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Jdbc;
import io.lockbench.impl.retry.Backoff;
import io.lockbench.impl.retry.RetryListener;
import io.lockbench.impl.retry.RetryLogging;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Optimistic retry, done right: read the record and its version, compute the new content, then
 * {@code UPDATE … SET version = version + 1 WHERE key = ? AND version = ?}. A row count of 0 means
 * another writer committed in between: nothing was written, so re-read and try again after a
 * jittered backoff. The database decides, in one statement, whether the read was still current;
 * no lock is held while the application thinks.
 */
public final class OptimisticStore implements VersionedStore {

    private static final Logger log = LoggerFactory.getLogger(OptimisticStore.class);

    private final RecordTable table;
    private final Backoff backoff;
    private final RetryListener listener;
    private final RetryLogging logging;

    public OptimisticStore(Database db) {
        this(db, Backoff.DEFAULT);
    }

    public OptimisticStore(Database db, Backoff backoff) {
        this(db, backoff, RetryListener.NONE);
    }

    /** @param listener told about every lost attempt (the benchmarks count them) */
    public OptimisticStore(Database db, Backoff backoff, RetryListener listener) {
        this(db, backoff, listener, RetryLogging.DEFAULT);
    }

    /** @param logging levels of the conflict and give-up messages ({@link RetryLogging#QUIET} for benchmarks) */
    public OptimisticStore(Database db, Backoff backoff, RetryListener listener, RetryLogging logging) {
        this.table = new RecordTable(db);
        this.backoff = backoff;
        this.listener = listener;
        this.logging = logging;
    }

    @Override
    public VersionedRecord create(String key, String content) {
        return table.create(key, content);
    }

    @Override
    public Optional<VersionedRecord> read(String key) {
        return table.read(key);
    }

    /**
     * One attempt: writes {@code content} only if the record is still at {@code expectedVersion}.
     * Empty when another writer got there first (or the record does not exist).
     */
    public Optional<VersionedRecord> compareAndSet(String key, long expectedVersion, String content) {
        return table.db.autocommitWrite(c ->
                Jdbc.queryOne(c, table.sql.compareAndSet, RecordTable::map, content, key, expectedVersion));
    }

    @Override
    public VersionedRecord updateWithLocking(String key, UnaryOperator<String> update, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be ≥ 1, was " + maxAttempts);
        }
        long lastSeenVersion = -1;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            VersionedRecord current = table.readExisting(key);
            lastSeenVersion = current.version();
            Optional<VersionedRecord> written = compareAndSet(key, current.version(), update.apply(current.content()));
            if (written.isPresent()) {
                return written.get();
            }
            log.atLevel(logging.conflict()).log(
                    "optimistic conflict on key '{}', attempt {} of {}: version {} was changed by another writer{}",
                    key, attempt, maxAttempts, current.version(), attempt < maxAttempts ? "; retrying" : "");
            listener.versionConflict(key, attempt, attempt < maxAttempts);
            if (attempt < maxAttempts) {
                backoff.pause(attempt);
            }
        }
        OptimisticLockException gaveUp = new OptimisticLockException(key, maxAttempts, lastSeenVersion);
        log.atLevel(logging.giveUp()).log(gaveUp.getMessage());
        throw gaveUp;
    }
}
