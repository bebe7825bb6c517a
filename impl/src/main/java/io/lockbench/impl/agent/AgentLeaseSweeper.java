package io.lockbench.impl.agent;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Optional automatic cleanup: runs {@link AgentSessions#cleanupExpired()} every {@code interval},
 * so lapsed leases show as expired in the table (for operators and reports) without anyone
 * calling it. Leases are judged by the database clock whether or not they are swept. A failed
 * sweep is logged and the next one runs as planned.
 */
public final class AgentLeaseSweeper implements AutoCloseable {

    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(AgentLeaseSweeper.class);

    private final AgentSessions sessions;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong sweeps = new AtomicLong();
    private final AtomicLong expired = new AtomicLong();

    /** Starts sweeping at once. */
    public AgentLeaseSweeper(AgentSessions sessions, Duration interval) {
        if (interval.toMillis() < 1) {
            throw new IllegalArgumentException("sweep interval must be at least 1 ms, was " + interval);
        }
        this.sessions = sessions;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "agent-lease-sweeper");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::sweep, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            List<String> agents = sessions.cleanupExpired(); // logs the agents it expired
            expired.addAndGet(agents.size());
            sweeps.incrementAndGet();
        } catch (RuntimeException e) {
            log.warn("agent lease sweep failed: {}", e.toString());
        }
    }

    /** Sweeps completed. */
    public long sweeps() {
        return sweeps.get();
    }

    /** Leases expired by this sweeper so far. */
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
