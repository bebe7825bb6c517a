package io.lockbench.impl.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And
 * Jitter"): before attempt n+1, sleep a random time in [0, min(cap, base·2ⁿ⁻¹)]. Jitter keeps
 * writers that collided once from colliding again in lockstep.
 *
 * @param base the upper bound of the first pause
 * @param cap  no pause is longer than this
 */
public record Backoff(Duration base, Duration cap) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(2), Duration.ofMillis(100));
    /** No pause at all: for benchmarks that measure raw conflict handling. */
    public static final Backoff NONE = new Backoff(Duration.ZERO, Duration.ZERO);

    public Backoff {
        if (base.isNegative() || cap.isNegative()) {
            throw new IllegalArgumentException("backoff durations must not be negative: base=" + base + ", cap=" + cap);
        }
        if (cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff cap (" + cap + ") must be ≥ base (" + base + ")");
        }
    }

    /** The pause before the attempt after {@code failedAttempt} (1-based), in microseconds. */
    public long pauseMicros(int failedAttempt) {
        long baseMicros = base.toNanos() / 1000;
        if (baseMicros == 0) {
            return 0;
        }
        int shift = Math.min(failedAttempt - 1, 30);
        long bound = Math.min(cap.toNanos() / 1000, baseMicros << shift);
        return ThreadLocalRandom.current().nextLong(bound + 1);
    }

    /** Sleeps the jittered pause; keeps the interrupt flag if interrupted. */
    public void pause(int failedAttempt) {
        long micros = pauseMicros(failedAttempt);
        if (micros > 0) {
            Sleep.micros(micros);
        }
    }
}
