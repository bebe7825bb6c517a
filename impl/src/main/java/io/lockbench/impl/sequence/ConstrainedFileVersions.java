package io.lockbench.impl.sequence;

import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.DatabaseException;
import io.lockbench.impl.db.ErrorKind;
import io.lockbench.impl.db.Jdbc;
import io.lockbench.impl.db.SqlWork;
import io.lockbench.impl.retry.Backoff;
import io.lockbench.impl.retry.RetryListener;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unique-constraint sequencing, done right: {@code UNIQUE(file_id, version)} makes the database
 * the judge of who gets a number; the next number is computed inside the transaction that
 * inserts it; a writer that loses the race gets a unique violation, nothing is written, and it
 * tries again with exponential backoff. Create, update and revert are each one transaction.
 */
public final class ConstrainedFileVersions implements FileVersions {

    public static final int DEFAULT_MAX_ATTEMPTS = 20;
    private static final Logger log = LoggerFactory.getLogger(ConstrainedFileVersions.class);

    private final FileVersionRows rows;
    private final Backoff backoff;
    private final int maxAttempts;
    private final RetryListener listener;

    public ConstrainedFileVersions(Database db) {
        this(db, Backoff.DEFAULT, DEFAULT_MAX_ATTEMPTS);
    }

    public ConstrainedFileVersions(Database db, Backoff backoff, int maxAttempts) {
        this(db, backoff, maxAttempts, RetryListener.NONE);
    }

    /** @param listener told about every lost attempt (the benchmarks count them) */
    public ConstrainedFileVersions(Database db, Backoff backoff, int maxAttempts, RetryListener listener) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be ≥ 1, was " + maxAttempts);
        }
        this.rows = new FileVersionRows(db, VersionTable.CONSTRAINED);
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
        this.listener = listener;
    }

    @Override
    public FileVersion create(String fileId, String content) {
        try {
            return rows.db.inTransaction(c ->
                    Jdbc.queryOne(c, rows.sql.insertFirst, FileVersionRows::map, fileId, content).orElseThrow());
        } catch (DatabaseException e) {
            if (e.kind() == ErrorKind.UNIQUE_VIOLATION) {
                throw new IllegalStateException("file '" + fileId + "' already exists", e);
            }
            throw e;
        }
    }

    @Override
    public FileVersion update(String fileId, String content) {
        return insertNext(fileId, c -> content, null);
    }

    @Override
    public FileVersion revert(String fileId, long toVersion) {
        return insertNext(fileId, c -> rows.contentOf(c, fileId, toVersion), toVersion);
    }

    private FileVersion insertNext(String fileId, SqlWork<String> content, Long revertedFrom) {
        DatabaseException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                Optional<FileVersion> inserted = rows.db.inTransaction(c -> Jdbc.queryOne(c, rows.sql.insertNext,
                        FileVersionRows::map, fileId, content.run(c), revertedFrom, fileId));
                return inserted.orElseThrow(() -> new NoSuchElementException("no file '" + fileId + "'"));
            } catch (DatabaseException e) {
                // SQLite serializes writers (BEGIN IMMEDIATE) and never gets here; PostgreSQL at
                // READ COMMITTED lets two transactions read the same MAX, and the index stops one.
                if (!e.kind().isTransientConflict()) {
                    throw e;
                }
                last = e;
                log.debug("version race on file '{}' at attempt {}/{} ({})", fileId, attempt, maxAttempts, e.kind());
                listener.transientFailure(fileId, e.kind(), attempt, attempt < maxAttempts);
                if (attempt < maxAttempts) {
                    backoff.pause(attempt);
                }
            }
        }
        throw new SequenceConflictException(fileId, maxAttempts, last);
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
