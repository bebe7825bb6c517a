package io.lockbench.impl.sequence;

import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Jdbc;
import io.lockbench.impl.retry.Sleep;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * BROKEN on purpose: reads {@code MAX(version) + 1} in one statement and inserts in another, on
 * a table with no unique constraint. Two writers that read the same maximum both insert the same
 * version number. Expected anomaly: duplicate versions (found by {@link DuplicateVersionFinder}).
 * {@code thinkTime} between the read and the insert widens the window.
 */
public final class MaxPlusOneFileVersions implements FileVersions {

    private final FileVersionRows rows;
    private final Duration thinkTime;

    public MaxPlusOneFileVersions(Database db) {
        this(db, Duration.ZERO);
    }

    public MaxPlusOneFileVersions(Database db, Duration thinkTime) {
        this.rows = new FileVersionRows(db, VersionTable.LEGACY);
        this.thinkTime = thinkTime;
    }

    @Override
    public FileVersion create(String fileId, String content) {
        return insert(fileId, 1, content, null);
    }

    @Override
    public FileVersion update(String fileId, String content) {
        return insert(fileId, nextVersion(fileId), content, null);
    }

    @Override
    public FileVersion revert(String fileId, long toVersion) {
        String content = rows.db.withConnection(c -> rows.contentOf(c, fileId, toVersion));
        return insert(fileId, nextVersion(fileId), content, toVersion);
    }

    private long nextVersion(String fileId) {
        long max = rows.db.withConnection(c -> Jdbc.queryLong(c, rows.sql.selectMaxLegacy, fileId));
        if (max == 0) {
            throw new NoSuchElementException("no file '" + fileId + "'");
        }
        Sleep.of(thinkTime);
        return max + 1;
    }

    private FileVersion insert(String fileId, long version, String content, Long revertedFrom) {
        return rows.db.autocommitWrite(c -> Jdbc.queryOne(c, rows.sql.insertLegacy, FileVersionRows::map,
                fileId, version, content, revertedFrom).orElseThrow());
    }

    @Override
    public List<FileVersion> history(String fileId) {
        return rows.history(fileId);
    }

    @Override
    public Optional<FileVersion> latest(String fileId) {
        return rows.latest(fileId);
    }
}
