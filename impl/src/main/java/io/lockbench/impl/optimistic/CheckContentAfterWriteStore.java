package io.lockbench.impl.optimistic;

import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Jdbc;
import io.lockbench.impl.retry.Sleep;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * BROKEN on purpose: a cousin of {@link VerifyAfterWriteStore} that writes {@code version =
 * version + 1} without a condition, then re-reads and checks that <em>its content</em> is there.
 * Two writers that read the same content both write and, re-reading right after their own write,
 * both find it: the first update is lost. And when another writer commits between its write and
 * its re-read, it calls its own (applied) write failed and retries it: the caller is told an
 * update failed that is in the data, and a retry applies it twice. Expected anomaly: failed update
 * applied (and lost updates besides).
 *
 * <p>The read, the write and the verification are separate statements, as the mistake is
 * usually made; {@code thinkTime} between read and write, and again between the write and the
 * check, widens the windows (on SQLite, which serializes transactions, they only exist between
 * statements).
 */
public final class CheckContentAfterWriteStore implements VersionedStore {

    private final RecordTable table;
    private final Duration thinkTime;

    public CheckContentAfterWriteStore(Database db) {
        this(db, Duration.ZERO);
    }

    public CheckContentAfterWriteStore(Database db, Duration thinkTime) {
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
            Sleep.of(thinkTime);
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
