package io.lockbench.impl.sweep;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a cleanup every {@code interval} on a daemon thread of its own, starting at once, and counts
 * the sweeps and what they expired. A failed sweep is logged and the next one runs as planned. The
 * stale-claim and agent-lease sweepers are this with their own cleanup.
 */
public final class PeriodicSweep implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PeriodicSweep.class);

    private final String name;
    private final IntSupplier cleanup;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong sweeps = new AtomicLong();
    private final AtomicLong expired = new AtomicLong();

    /**
     * @param name     the thread's name and the name in log lines ({@code stale-claim-sweeper})
     * @param cleanup  one sweep; returns how many things it expired
     * @param interval between the end of one sweep and the start of the next, at least 1 ms
     */
    public PeriodicSweep(String name, IntSupplier cleanup, Duration interval) {
        if (interval.toMillis() < 1) {
            throw new IllegalArgumentException("sweep interval must be at least 1 ms, was " + interval);
        }
        this.name = name;
        this.cleanup = cleanup;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::sweep, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            int n = cleanup.getAsInt();
            sweeps.incrementAndGet();
            expired.addAndGet(n);
        } catch (RuntimeException e) {
            log.warn("{}: sweep failed: {}", name, e.toString());
        }
    }

    /** Sweeps completed. */
    public long sweeps() {
        return sweeps.get();
    }

    /** Things expired so far. */
    public long expired() {
        return expired.get();
    }

    /** Stops sweeping; a sweep in flight finishes first. */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
