package io.lockbench.impl.retry;

import java.time.Duration;

/** Sleeping that keeps the thread's interrupt flag instead of swallowing it. */
public final class Sleep {

    private Sleep() {
    }

    public static void micros(long micros) {
        try {
            Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pausing", e);
        }
    }

    /** Sleeps {@code d} unless it is zero (the common case for think times). */
    public static void of(Duration d) {
        if (!d.isZero()) {
            micros(d.toNanos() / 1000);
        }
    }
}
