package io.lockbench.impl.optimistic;

import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Jdbc;
import io.lockbench.impl.retry.Sleep;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * BROKEN on purpose: the mistake people make with a version column. It reads, writes without
 * a condition, then re-reads to "verify" that its write is there. Two writers that read the same
 * version both write, and each, re-reading right after its own write, finds its content: both
 * "verify", and the first update is lost. Expected anomaly: lost update.
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

    @Override
    public VersionedRecord updateWithLocking(String key, UnaryOperator<String> update, int maxAttempts) {
        long lastSeenVersion = -1;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            VersionedRecord current = table.readExisting(key);
            lastSeenVersion = current.version();
            String content = update.apply(current.content());
            Sleep.of(thinkTime);
            table.db.autocommitWrite(c -> Jdbc.update(c, table.sql.blindUpdate, content, key));
            VersionedRecord after = table.readExisting(key);
            // The "verification": our content is there and the version moved on. Both hold for
            // every writer that re-reads before the next one writes.
            if (Objects.equals(after.content(), content) && after.version() > current.version()) {
                return after;
            }
        }
        throw new OptimisticLockException(key, maxAttempts, lastSeenVersion);
    }
}
