package io.lockbench.impl.retry;

import org.slf4j.event.Level;

/**
 * The levels at which a retrying strategy logs a lost attempt and its giving up. Operators want
 * conflicts visible (WARN) and a give-up loud (ERROR); a benchmark that provokes thousands of
 * conflicts a second turns both down so that logging is not what it measures.
 *
 * @param conflict an attempt lost to a concurrent writer, another one follows or not
 * @param giveUp   the last attempt was lost and the caller gets an exception
 */
public record RetryLogging(Level conflict, Level giveUp) {

    /** WARN per conflict, ERROR on giving up. */
    public static final RetryLogging DEFAULT = new RetryLogging(Level.WARN, Level.ERROR);

    /** For benchmarks and stress runs: both at DEBUG, so off unless asked for. */
    public static final RetryLogging QUIET = new RetryLogging(Level.DEBUG, Level.DEBUG);

    public RetryLogging {
        if (conflict == null || giveUp == null) {
            throw new IllegalArgumentException("both levels are required");
        }
    }
}
