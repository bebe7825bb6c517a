package io.lockbench.impl.agent;

import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
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

    /** Starts a lease for {@code agent}: creates it, or renews it if its last lease ended or lapsed. */
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

    /** Extends the lease to now + TTL, only if it is still valid. */
    public HeartbeatResult heartbeat(String agent) {
        return db.inTransaction(c -> {
            while (true) {
                Optional<AgentSession> extended = Jdbc.queryOne(c, sql.heartbeat, AgentRows::session, leaseMillis, agent);
                if (extended.isPresent()) {
                    return new HeartbeatResult.Extended(extended.get());
                }
                Optional<HeartbeatResult> rejection = whyNoLease(c, agent);
                if (rejection.isPresent()) {
                    return rejection.get();
                }
                // Valid now, so another session renewed it between our two statements: try again.
            }
        });
    }

    /** Ends the agent's session; false if it had none running (already ended or expired, or unknown). */
    public boolean end(String agent) {
        return db.inTransaction(c -> Jdbc.update(c, sql.end, agent) == 1);
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

    private Optional<HeartbeatResult> whyNoLease(Connection c, String agent) throws SQLException {
        Optional<AgentSession> session = Jdbc.queryOne(c, sql.selectSession, AgentRows::session, agent);
        if (session.isEmpty()) {
            return Optional.of(new UnknownAgent(agent));
        }
        AgentSession s = session.get();
        return s.status() == AgentStatus.ACTIVE
                ? Optional.empty()
                : Optional.of(new LeaseExpired(s.version(), s.leaseExpiresAt()));
    }
}
