package io.lockbench.impl.claims;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Automatic cleanup: runs {@link ClaimStore#expireStale()} every {@code interval}, so a resource
 * whose holder vanished shows as free even before someone tries to take it over. A failed sweep is
 * logged and the next one runs as planned.
 */
public final class StaleClaimSweeper implements AutoCloseable {

    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(StaleClaimSweeper.class);

    private final ClaimStore store;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong sweeps = new AtomicLong();
    private final AtomicLong expired = new AtomicLong();

    /** Starts sweeping at once. */
    public StaleClaimSweeper(ClaimStore store, Duration interval) {
        if (interval.toMillis() < 1) {
            throw new IllegalArgumentException("sweep interval must be at least 1 ms, was " + interval);
        }
        this.store = store;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stale-claim-sweeper");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::sweep, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            List<Claim> claims = store.expireStale();
            sweeps.incrementAndGet();
            expired.addAndGet(claims.size());
            for (Claim c : claims) {
                log.info("expired stale claim {} of '{}' held by session {}", c.id(), c.resourceId(), c.sessionId());
            }
        } catch (RuntimeException e) {
            log.warn("stale-claim sweep failed: {}", e.toString());
        }
    }

    /** Sweeps completed. */
    public long sweeps() {
        return sweeps.get();
    }

    /** Claims expired by this sweeper so far. */
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
