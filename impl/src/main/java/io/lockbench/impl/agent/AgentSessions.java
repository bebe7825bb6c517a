package io.lockbench.impl.agent;

import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Jdbc;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agent sessions held by TTL leases. A lease is valid while the session is active and its last
 * heartbeat is younger than its TTL, judged by the database clock inside the statement that acts
 * on it: a paused or skewed client cannot keep a lease alive, and a heartbeat that arrives after
 * expiry is rejected rather than resurrecting it.
 *
 * <p>Each start hands out a {@link Lease} with a new epoch, required by heartbeat, end,
 * set-project and append: once a lapsed lease is started again by someone else, its former holder
 * is refused ({@link LeaseExpired}) instead of acting on, extending or ending its successor's lease.
 *
 * <p>Sessions are never deleted: an agent's project and version outlive its leases, so a
 * compare-and-set version never repeats.
 */
public final class AgentSessions {

    public static final Duration DEFAULT_LEASE_TTL = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(AgentSessions.class);

    private final Database db;
    private final AgentSql sql;
    private final long leaseMillis;

    public AgentSessions(Database db) {
        this(db, DEFAULT_LEASE_TTL);
    }

    /** @param leaseTtl how long a start or heartbeat keeps the lease, at least 1 ms */
    public AgentSessions(Database db, Duration leaseTtl) {
        if (leaseTtl.toMillis() < 1) {
            throw new IllegalArgumentException("leaseTtl must be at least 1 ms, was " + leaseTtl);
        }
        this.db = db;
        this.sql = AgentSql.migrated(db);
        this.leaseMillis = leaseTtl.toMillis();
    }

    public Duration leaseTtl() {
        return Duration.ofMillis(leaseMillis);
    }

    /**
     * Starts a lease for {@code agent}: creates it, or renews it under a new epoch if its last
     * lease ended or lapsed. {@link StartResult.Started#lease()} is the lease to act with.
     */
    public StartResult start(String agent) {
        return db.inTransaction(c -> {
            Optional<AgentSession> started = Jdbc.queryOne(c, sql.start, AgentRows::session, agent, leaseMillis);
            if (started.isPresent()) {
                return new StartResult.Started(started.get());
            }
            // The conflicting row is locked by the upsert (PostgreSQL) or the write lock (SQLite),
            // so it is still the active session that made the upsert skip.
            return new StartResult.AlreadyActive(Jdbc.queryOne(c, sql.selectSession, AgentRows::session, agent)
                    .orElseThrow());
        });
    }

    /** Extends {@code lease} to now + TTL, only if it is still valid and still the agent's running lease. */
    public HeartbeatResult heartbeat(Lease lease) {
        return db.inTransaction(c -> {
            while (true) {
                Optional<AgentSession> extended = Jdbc.queryOne(c, sql.heartbeat, AgentRows::session, leaseMillis,
                        lease.agent(), lease.epoch());
                if (extended.isPresent()) {
                    return new HeartbeatResult.Extended(extended.get());
                }
                Optional<LeaseRefusal> refusal = LeaseCheck.refusal(c, sql, lease);
                if (refusal.isPresent()) {
                    return refusal.get();
                }
                // Valid now, so it was extended between our two statements: try again.
            }
        });
    }

    /**
     * Ends {@code lease}; false if it was not running (already ended, lapsed or expired, replaced
     * by a later start, or the agent is unknown), and then nothing changes.
     */
    public boolean end(Lease lease) {
        return db.inTransaction(c -> Jdbc.update(c, sql.end, lease.agent(), lease.epoch()) == 1);
    }

    /**
     * Marks every lapsed lease as expired and returns those agents, sorted. Their project and
     * version stay; {@link #start} renews them.
     */
    public List<String> cleanupExpired() {
        List<String> expired = db.inTransaction(c -> Jdbc.queryList(c, sql.expireLapsed, rs -> rs.getString(1)));
        List<String> sorted = expired.stream().sorted().toList();
        if (!sorted.isEmpty()) {
            log.info("expired {} lapsed agent lease{}: {}", sorted.size(), sorted.size() == 1 ? "" : "s", sorted);
        }
        return sorted;
    }

    /** The agent's session as the database sees it now; empty if it was never started. */
    public Optional<AgentSession> find(String agent) {
        return db.withConnection(c -> Jdbc.queryOne(c, sql.selectSession, AgentRows::session, agent));
    }
}
