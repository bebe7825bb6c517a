package io.lockbench.stress.client;

import io.lockbench.impl.db.Dialect;
import io.lockbench.impl.db.ErrorKind;
import io.lockbench.impl.db.ErrorKinds;
import io.lockbench.impl.db.IndeterminateCommitException;
import io.lockbench.stress.scenario.RetrySpec;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A scenario's retry policy, applied: which errors it retries (lockbench error kinds, SQLSTATEs,
 * SQLite result codes) and how long to wait before each next attempt (exponential, full jitter).
 */
public final class SqlRetry {

    private static final Pattern SQLSTATE = Pattern.compile("[0-9A-Z]{5}");

    private final RetrySpec spec;

    public SqlRetry(RetrySpec spec) {
        this.spec = spec.resolved();
    }

    public int attempts() {
        return spec.attempts();
    }

    /**
     * Why {@code name} cannot be in a retry list, or null when it can: an error kind, a SQLSTATE of
     * five digits or capital letters, or a SQLite result code name.
     */
    public static String problem(String name) {
        if (name == null || name.isBlank()) {
            return "an empty entry";
        }
        if (Arrays.stream(ErrorKind.values()).anyMatch(k -> k.name().equals(name)) || SQLSTATE.matcher(name).matches()) {
            return null;
        }
        if (name.startsWith("SQLITE_")) {
            return Arrays.stream(SQLiteErrorCode.values()).anyMatch(c -> c.name().equals(name)) ? null
                    : "unknown SQLite result code '" + name + "' (e.g. SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, "
                            + "SQLITE_CONSTRAINT_UNIQUE)";
        }
        return "'" + name + "' is none of: an error kind (" + String.join(", ", kinds())
                + "), a SQLSTATE (40001), a SQLite result code (SQLITE_BUSY)";
    }

    static List<String> kinds() {
        return Arrays.stream(ErrorKind.values()).map(Enum::name).toList();
    }

    /** Whether {@code error} is one the policy retries. An unknown COMMIT never is. */
    public boolean retries(Throwable error, Dialect dialect) {
        if (spec.on().isEmpty() || error instanceof IndeterminateCommitException) {
            return false;
        }
        if (spec.on().contains(ErrorKinds.classify(dialect, error).name())) {
            return true;
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IndeterminateCommitException) {
                return false;
            }
            if (t instanceof SQLException e) {
                for (SQLException s = e; s != null; s = s.getNextException()) {
                    if (matches(s)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean matches(SQLException e) {
        if (e.getSQLState() != null && spec.on().contains(e.getSQLState().toUpperCase(Locale.ROOT))) {
            return true;
        }
        if (e instanceof SQLiteException s) {
            SQLiteErrorCode code = s.getResultCode();
            for (String name : spec.on()) {
                if (name.equals(code.name())) {
                    return true;
                }
                // A primary code (SQLITE_BUSY) stands for its extended codes (SQLITE_BUSY_SNAPSHOT).
                SQLiteErrorCode primary = primary(name);
                if (primary != null && primary.code == (code.code & 0xff)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static SQLiteErrorCode primary(String name) {
        for (SQLiteErrorCode c : SQLiteErrorCode.values()) {
            if (c.name().equals(name) && c.code <= 0xff) {
                return c;
            }
        }
        return null;
    }

    /** The wait before attempt {@code next} (2, 3 …): a random share of backoff · 2^(next − 2), at most max-backoff. */
    public Duration backoff(int next) {
        long base = spec.backoff().toNanos() << Math.min(20, Math.max(0, next - 2));
        long cap = Math.min(base, spec.maxBackoff().toNanos());
        return Duration.ofNanos(cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1));
    }
}
