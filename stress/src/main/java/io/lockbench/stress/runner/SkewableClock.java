package io.lockbench.stress.runner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock plus an offset the clock-skew fault sets; what a client gets as {@code context.clock()}. */
final class SkewableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    void skew(Duration by) {
        offset = by;
    }

    Duration offset() {
        return offset;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
