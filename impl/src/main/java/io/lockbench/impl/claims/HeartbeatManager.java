package io.lockbench.impl.claims;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one session's claims alive: a beat every {@code interval} (the first at once) refreshes
 * the heartbeat of the session and its active claims from the database clock. After {@value
 * #MAX_CONSECUTIVE_FAILURES} failed beats in a row (configurable) it stops itself and says so (log
 * and {@link #stats()}): the session's claims will then go stale and may be taken over, which is the point —
 * a holder that cannot reach the database must not keep others out forever.
 */
public final class HeartbeatManager implements AutoCloseable {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    public static final int MAX_CONSECUTIVE_FAILURES = 3;

    private static final Logger log = LoggerFactory.getLogger(HeartbeatManager.class);

    private final ClaimStore store;
    private final String sessionId;
    private final Duration interval;
    private final int maxConsecutiveFailures;

    private final Object lifecycle = new Object();
    private volatile ScheduledExecutorService scheduler; // written under lifecycle

    // guarded by this
    private long beats;
    private long lastBeatAt = -1;
    private long failures;
    private int consecutiveFailures;
    private String lastFailure;
    private String stoppedBecause;

    public HeartbeatManager(ClaimStore store, String sessionId) {
        this(store, sessionId, DEFAULT_INTERVAL);
    }

    public HeartbeatManager(ClaimStore store, String sessionId, Duration interval) {
        this(store, sessionId, interval, MAX_CONSECUTIVE_FAILURES);
    }

    /** @param maxConsecutiveFailures failed beats in a row after which it stops itself, ≥ 1 */
    public HeartbeatManager(ClaimStore store, String sessionId, Duration interval, int maxConsecutiveFailures) {
        if (interval.toMillis() < 1) {
            throw new IllegalArgumentException("heartbeat interval must be at least 1 ms, was " + interval);
        }
        if (maxConsecutiveFailures < 1) {
            throw new IllegalArgumentException("maxConsecutiveFailures must be ≥ 1, was " + maxConsecutiveFailures);
        }
        this.store = store;
        this.sessionId = sessionId;
        this.interval = interval;
        this.maxConsecutiveFailures = maxConsecutiveFailures;
    }

    /** The session whose claims it keeps alive. */
    public String sessionId() {
        return sessionId;
    }

    /** Starts beating; does nothing if already active. A restart forgets earlier consecutive failures. */
    public void start() {
        synchronized (lifecycle) {
            if (isActive()) {
                return;
            }
            synchronized (this) {
                consecutiveFailures = 0;
                stoppedBecause = null;
            }
            ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "heartbeat-" + sessionId);
                t.setDaemon(true);
                return t;
            });
            s.scheduleWithFixedDelay(this::beat, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
            scheduler = s;
        }
    }

    /** Stops beating; a beat in flight finishes first. */
    public void stop() {
        synchronized (lifecycle) {
            ScheduledExecutorService s = scheduler;
            scheduler = null;
            if (s != null) {
                s.shutdown();
                try {
                    s.awaitTermination(interval.toMillis() + 10_000, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Whether beats are scheduled (for {@link #sessionId()}). */
    public boolean isActive() {
        ScheduledExecutorService s = scheduler;
        return s != null && !s.isShutdown();
    }

    /** Whether it is beating for {@code session}: false for any other session, or when stopped. */
    public boolean isActive(String session) {
        return sessionId.equals(session) && isActive();
    }

    /**
     * Beats now, on the calling thread, whether or not the manager is active. Counts like any
     * beat, failures included.
     *
     * @return whether the beat reached the database
     */
    public boolean forceBeat() {
        return beat();
    }

    public synchronized HeartbeatStats stats() {
        return new HeartbeatStats(isActive(), beats, lastBeatAt < 0 ? OptionalLong.empty() : OptionalLong.of(lastBeatAt),
                failures, consecutiveFailures, Optional.ofNullable(lastFailure), Optional.ofNullable(stoppedBecause));
    }

    private boolean beat() {
        try {
            Beat b = store.heartbeat(sessionId);
            synchronized (this) {
                beats++;
                lastBeatAt = b.atMillis();
                consecutiveFailures = 0;
            }
            log.debug("heartbeat of session {} refreshed {} claim(s)", sessionId, b.claimsRefreshed());
            return true;
        } catch (RuntimeException e) {
            failed(e);
            return false;
        }
    }

    private void failed(RuntimeException e) {
        int inARow;
        synchronized (this) {
            failures++;
            inARow = ++consecutiveFailures;
            lastFailure = String.valueOf(e.getMessage());
        }
        log.warn("heartbeat of session {} failed ({} in a row): {}", sessionId, inARow, e.toString());
        if (inARow >= maxConsecutiveFailures) {
            stopItself(inARow);
        }
    }

    /** Not under the lifecycle lock: {@link #stop()} may hold it while waiting for this very thread. */
    private void stopItself(int inARow) {
        ScheduledExecutorService s = scheduler;
        if (s == null || s.isShutdown()) {
            return; // not running (a forced beat while stopped): nothing to stop
        }
        String reason = "stopped after " + inARow + " consecutive heartbeat failures";
        synchronized (this) {
            stoppedBecause = reason;
        }
        s.shutdown();
        log.error("heartbeat of session {} {}; its claims will go stale and may be taken over", sessionId, reason);
    }

    @Override
    public void close() {
        stop();
    }
}
