package io.lockbench.impl.optimistic;

import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Jdbc;
import io.lockbench.impl.retry.Sleep;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * BROKEN on purpose: the classic mistake with a version column, made exactly. It reads the record
 * at version {@code v}, writes {@code UPDATE … SET content = ?, version = <v + 1> WHERE key = ?}
 * (the new version a constant computed by the client, no condition on the old one), then re-reads
 * and checks only that the version is {@code v + 1}. Two writers that read {@code v} both write
 * {@code v + 1}, both re-read {@code v + 1} and both "verify": the first update is lost, and two
 * different contents carried the same version. Expected anomaly: lost update.
 *
 * <p>The read, the write and the verification are separate statements, as the mistake is
 * usually made; {@code thinkTime} between read and write widens the window (on SQLite, which
 * serializes transactions, the window only exists between statements).
 */
public final class VerifyAfterWriteStore implements VersionedStore {

    private final RecordTable table;
    private final Duration thinkTime;

    public VerifyAfterWriteStore(Database db) {
        this(db, Duration.ZERO);
    }

    public VerifyAfterWriteStore(Database db, Duration thinkTime) {
        this.table = new RecordTable(db);
        this.thinkTime = thinkTime;
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
     * One attempt from a version the caller read: the blind write of {@code expectedVersion + 1},
     * then the "verification". True when it verified, which it does for every writer that re-reads
     * before a writer of a later version commits.
     */
    public boolean writeAndVerify(String key, long expectedVersion, String content) {
        return writeThenReread(key, expectedVersion, content).version() == expectedVersion + 1;
    }

    private VersionedRecord writeThenReread(String key, long expectedVersion, String content) {
        long next = expectedVersion + 1;
        table.db.autocommitWrite(c -> Jdbc.update(c, table.sql.blindSetVersion, content, next, key));
        return table.readExisting(key);
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
            String content = update.apply(current.content());
            Sleep.of(thinkTime);
            VersionedRecord after = writeThenReread(key, current.version(), content);
            // The "verification": the version is the one we wrote. It says nothing of whose content is there.
            if (after.version() == current.version() + 1) {
                return after;
            }
        }
        throw new OptimisticLockException(key, maxAttempts, lastSeenVersion);
    }
}
