package io.lockbench.stress.scenario;

import java.time.Duration;
import java.util.List;

/**
 * When and how an operation written as SQL is tried again. Only an operation that certainly
 * changed nothing is retried: never after an unknown COMMIT, nor after a statement of an
 * {@code autocommit} operation already changed rows.
 *
 * @param on         what to retry: lockbench error kinds ({@code SERIALIZATION_FAILURE},
 *                   {@code BUSY} …), PostgreSQL SQLSTATEs ({@code 40001}) or SQLite result codes
 *                   ({@code SQLITE_BUSY}, which also matches its extended codes such as
 *                   {@code SQLITE_BUSY_SNAPSHOT})
 * @param attempts   attempts in all, the first included (1: no retry; the default 3)
 * @param backoff    the wait before the second attempt, doubled before each next one, with full
 *                   jitter (a random wait between 0 and that); default 5ms
 * @param maxBackoff the longest wait; default 200ms
 */
public record RetrySpec(List<String> on, Integer attempts, Duration backoff, Duration maxBackoff) {

    public static final int DEFAULT_ATTEMPTS = 3;
    public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(5);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMillis(200);

    /** No retry at all: what an operation does when neither it nor the section says otherwise. */
    public static final RetrySpec NONE = new RetrySpec(List.of(), 1, DEFAULT_BACKOFF, DEFAULT_MAX_BACKOFF);

    public RetrySpec {
        on = on == null ? List.of() : List.copyOf(on);
    }

    /** Every default filled in. */
    public RetrySpec resolved() {
        return new RetrySpec(on, attempts == null ? (on.isEmpty() ? 1 : DEFAULT_ATTEMPTS) : attempts,
                backoff == null ? DEFAULT_BACKOFF : backoff, maxBackoff == null ? DEFAULT_MAX_BACKOFF : maxBackoff);
    }
}
