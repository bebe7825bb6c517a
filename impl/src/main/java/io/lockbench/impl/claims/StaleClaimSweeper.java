package io.lockbench.impl.claims;

import io.lockbench.impl.sweep.PeriodicSweep;
import java.time.Duration;
import java.util.List;
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

    private final PeriodicSweep sweep;

    /** Starts sweeping at once. */
    public StaleClaimSweeper(ClaimStore store, Duration interval) {
        this.sweep = new PeriodicSweep("stale-claim-sweeper", () -> {
            List<Claim> claims = store.expireStale();
            for (Claim c : claims) {
                log.info("expired stale claim {} of '{}' held by session {}", c.id(), c.resourceId(), c.sessionId());
            }
            return claims.size();
        }, interval);
    }

    /** Sweeps completed. */
    public long sweeps() {
        return sweep.sweeps();
    }

    /** Claims expired by this sweeper so far. */
    public long expired() {
        return sweep.expired();
    }

    /** Stops sweeping; a sweep in flight finishes first. */
    @Override
    public void close() {
        sweep.close();
    }
}
