package io.lockbench.impl.sequence;

import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.DatabaseException;
import io.lockbench.impl.db.ErrorKind;
import io.lockbench.impl.db.Jdbc;
import io.lockbench.impl.db.SqlWork;
import io.lockbench.impl.retry.Backoff;
import io.lockbench.impl.retry.RetryListener;
import io.lockbench.impl.retry.RetryLogging;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Unique-constraint sequencing, done right: {@code UNIQUE(file_id, version)} makes the database
 * the judge of who gets a number; the next number is computed inside the transaction that
 * inserts it; a writer that loses the race gets a unique violation, nothing is written, and it
 * tries again with exponential backoff. Create, update and revert are each one transaction, or
 * part of the caller's with the {@code …InTransaction} forms. By default an update whose content
 * equals the latest version's adds no version and returns the latest
 * ({@link #newVersionWhenUnchanged(boolean)} changes that).
 */
public final class ConstrainedFileVersions implements FileVersions {

    public static final int DEFAULT_MAX_ATTEMPTS = 20;
    private static final Logger log = LoggerFactory.getLogger(ConstrainedFileVersions.class);

    private final FileVersionRows rows;
    private final Backoff backoff;
    private final int maxAttempts;
    private final RetryListener listener;
    private final boolean newVersionWhenUnchanged;
    private final RetryLogging logging;

    /** Races are routine here (the unique index settles them): DEBUG; giving up is ERROR. */
    public static final RetryLogging DEFAULT_LOGGING = new RetryLogging(Level.DEBUG, Level.ERROR);

    public ConstrainedFileVersions(Database db) {
        this(db, Backoff.DEFAULT, DEFAULT_MAX_ATTEMPTS);
    }

    public ConstrainedFileVersions(Database db, Backoff backoff, int maxAttempts) {
        this(db, backoff, maxAttempts, RetryListener.NONE);
    }

    /** @param listener told about every lost attempt (the benchmarks count them) */
    public ConstrainedFileVersions(Database db, Backoff backoff, int maxAttempts, RetryListener listener) {
        this(new FileVersionRows(db, VersionTable.CONSTRAINED), backoff, maxAttempts, listener, false,
                DEFAULT_LOGGING);
    }

    private ConstrainedFileVersions(FileVersionRows rows, Backoff backoff, int maxAttempts, RetryListener listener,
                                    boolean newVersionWhenUnchanged, RetryLogging logging) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be ≥ 1, was " + maxAttempts);
        }
        this.rows = rows;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
        this.listener = listener;
        this.newVersionWhenUnchanged = newVersionWhenUnchanged;
        this.logging = logging;
    }

    /**
     * The same store; with {@code true}, every update adds a version even when its content equals
     * the latest (an audit trail of saves rather than of changes).
     */
    public ConstrainedFileVersions newVersionWhenUnchanged(boolean always) {
        return new ConstrainedFileVersions(rows, backoff, maxAttempts, listener, always, logging);
    }

    /** The same store logging races and give-ups at these levels ({@link RetryLogging#QUIET} for benchmarks). */
    public ConstrainedFileVersions logging(RetryLogging levels) {
        return new ConstrainedFileVersions(rows, backoff, maxAttempts, listener, newVersionWhenUnchanged, levels);
    }

    @Override
    public FileVersion create(String fileId, String content) {
        try {
            return rows.db.inTransaction(c -> insertFirst(c, fileId, content));
        } catch (DatabaseException e) {
            throw alreadyExistsOr(e, fileId);
        }
    }

    @Override
    public FileVersion update(String fileId, String content) {
        return retrying(fileId, () -> rows.db.inTransaction(c -> next(c, fileId, cc -> content, null, true)));
    }

    @Override
    public FileVersion revert(String fileId, long toVersion) {
        return retrying(fileId, () -> rows.db.inTransaction(c -> next(c, fileId,
                cc -> rows.contentOf(cc, fileId, toVersion), toVersion, false)));
    }

    /**
     * {@link #create} as part of the caller's open transaction on {@code c}: committed or rolled
     * back with it. A file that exists already fails with the caller's transaction still usable.
     */
    public FileVersion createInTransaction(Connection c, String fileId, String content) {
        try {
            return inSavepoint(c, cc -> insertFirst(cc, fileId, content));
        } catch (DatabaseException e) {
            throw alreadyExistsOr(e, fileId);
        }
    }

    /**
     * {@link #update} as part of the caller's open transaction on {@code c}. Each attempt runs in
     * a savepoint: a lost race rolls back only the attempt, and the next attempt reads the winner
     * (at READ COMMITTED, PostgreSQL's default; at REPEATABLE READ or above the transaction cannot
     * see it, and the store gives up with {@link SequenceConflictException}).
     */
    public FileVersion updateInTransaction(Connection c, String fileId, String content) {
        return retrying(fileId, () -> inSavepoint(c, cc -> next(cc, fileId, x -> content, null, true)));
    }

    /** {@link #revert} as part of the caller's open transaction on {@code c}, as {@link #updateInTransaction}. */
    public FileVersion revertInTransaction(Connection c, String fileId, long toVersion) {
        return retrying(fileId, () -> inSavepoint(c, cc -> next(cc, fileId,
                x -> rows.contentOf(x, fileId, toVersion), toVersion, false)));
    }

    private FileVersion insertFirst(Connection c, String fileId, String content) throws SQLException {
        return Jdbc.queryOne(c, rows.sql.insertFirst, FileVersionRows::map, fileId, content).orElseThrow();
    }

    private static RuntimeException alreadyExistsOr(DatabaseException e, String fileId) {
        return e.kind() == ErrorKind.UNIQUE_VIOLATION
                ? new IllegalStateException("file '" + fileId + "' already exists", e) : e;
    }

    /** The next version, or the latest when its content is unchanged and that adds none. */
    private FileVersion next(Connection c, String fileId, SqlWork<String> content, Long revertedFrom,
                             boolean unchangedAddsNone) throws SQLException {
        String newContent = content.run(c);
        if (unchangedAddsNone && !newVersionWhenUnchanged) {
            Optional<FileVersion> latest = Jdbc.queryOne(c, SequenceSql.on(rows.sql.selectLatest, rows.table),
                    FileVersionRows::map, fileId);
            if (latest.isPresent() && Objects.equals(latest.get().content(), newContent)) {
                return latest.get();
            }
        }
        return Jdbc.queryOne(c, rows.sql.insertNext, FileVersionRows::map, fileId, newContent, revertedFrom, fileId)
                .orElseThrow(() -> new NoSuchElementException("no file '" + fileId + "'"));
    }

    /** Runs {@code work} in a savepoint of the caller's transaction, rolled back alone if it fails. */
    private <T> T inSavepoint(Connection c, SqlWork<T> work) {
        try {
            Jdbc.update(c, "SAVEPOINT lb_file_version");
            T result;
            try {
                result = work.run(c);
            } catch (SQLException | RuntimeException e) {
                Jdbc.update(c, "ROLLBACK TO SAVEPOINT lb_file_version");
                throw e;
            }
            Jdbc.update(c, "RELEASE SAVEPOINT lb_file_version");
            return result;
        } catch (SQLException e) {
            throw rows.db.classify(e, "adding a file version failed");
        }
    }

    private interface Attempt {
        FileVersion run();
    }

    private FileVersion retrying(String fileId, Attempt attempt) {
        DatabaseException last = null;
        for (int n = 1; n <= maxAttempts; n++) {
            try {
                return attempt.run();
            } catch (DatabaseException e) {
                // SQLite serializes writers (BEGIN IMMEDIATE) and never gets here; PostgreSQL at
                // READ COMMITTED lets two transactions read the same MAX, and the index stops one.
                if (!e.kind().isTransientConflict()) {
                    throw e;
                }
                last = e;
                log.atLevel(logging.conflict()).log("version race on file '{}' at attempt {}/{} ({})",
                        fileId, n, maxAttempts, e.kind());
                listener.transientFailure(fileId, e.kind(), n, n < maxAttempts);
                if (n < maxAttempts) {
                    backoff.pause(n);
                }
            }
        }
        SequenceConflictException giveUp = new SequenceConflictException(fileId, maxAttempts, last);
        log.atLevel(logging.giveUp()).log("gave up adding a version to file '{}' after {} attempts, each lost to another writer; "
                + "nothing was written (raise maxAttempts or the backoff if writers are this many)", fileId, maxAttempts);
        throw giveUp;
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
