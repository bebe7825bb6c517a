package io.lockbench.impl.agent;

import io.lockbench.impl.sweep.PeriodicSweep;
import java.time.Duration;

/**
 * Optional automatic cleanup: runs {@link AgentSessions#cleanupExpired()} every {@code interval},
 * so lapsed leases show as expired in the table (for operators and reports) without anyone
 * calling it. Leases are judged by the database clock whether or not they are swept. A failed
 * sweep is logged and the next one runs as planned.
 */
public final class AgentLeaseSweeper implements AutoCloseable {

    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

    private final PeriodicSweep sweep;

    /** Starts sweeping at once. */
    public AgentLeaseSweeper(AgentSessions sessions, Duration interval) {
        // cleanupExpired logs the agents it expired
        this.sweep = new PeriodicSweep("agent-lease-sweeper", () -> sessions.cleanupExpired().size(), interval);
    }

    /** Sweeps completed. */
    public long sweeps() {
        return sweep.sweeps();
    }

    /** Leases expired by this sweeper so far. */
    public long expired() {
        return sweep.expired();
    }

    /** Stops sweeping; a sweep in flight finishes first. */
    @Override
    public void close() {
        sweep.close();
    }
}
