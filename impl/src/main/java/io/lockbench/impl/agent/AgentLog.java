package io.lockbench.impl.agent;

import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * An append-only log per agent, safe under many concurrent appenders. An append needs the
 * agent's running {@link Lease}, like every change of an agent's state: it row-locks the agent
 * while its lease is checked, so no new start can slip in before it commits. Each append, in one
 * transaction, then takes the agent's next sequence number from a counter row ({@code INSERT … ON
 * CONFLICT DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq}) and inserts the entry. The
 * counter row stays locked until the append commits, so appenders to one agent queue there and
 * numbers come out contiguous; a rolled-back append gives its number back with the rollback. The
 * entry is tagged with the project the agent works on, read under the same row lock.
 * {@code PRIMARY KEY (agent, seq)} makes a duplicate impossible whatever the code does.
 *
 * <p>Appends are not retried here: an append whose commit was indeterminate may or may not be in
 * the log, and a blind retry could add it twice.
 */
public final class AgentLog {

    private final Database db;
    private final AgentSql sql;

    public AgentLog(Database db) {
        this.db = db;
        this.sql = AgentSql.migrated(db);
    }

    /**
     * Appends {@code entry} to the log of {@code lease.agent()} and returns it with its sequence
     * number; refused, with nothing appended, unless {@code lease} is the agent's running lease.
     */
    public AppendResult append(Lease lease, String entry) {
        return db.inTransaction(c -> {
            while (true) {
                Optional<ProjectSelection> held = Jdbc.queryOne(c, sql.lockHeldLease,
                        rs -> new ProjectSelection(lease.agent(), rs.getString("project"), 0), lease.agent(), lease.epoch());
                if (held.isPresent()) {
                    long seq = Jdbc.queryLong(c, sql.nextLogSeq, lease.agent());
                    return new AppendResult.Appended(Jdbc.queryOne(c, sql.insertLogEntry, AgentLog::map,
                            lease.agent(), seq, entry, held.get().project()).orElseThrow());
                }
                Optional<LeaseRefusal> refusal = LeaseCheck.refusal(c, sql, lease);
                if (refusal.isPresent()) {
                    return refusal.get();
                }
                // Extended between our two statements: the lease is held, check again.
            }
        });
    }

    /** The agent's entries in sequence order; only that agent's. */
    public List<LogEntry> read(String agent) {
        return db.withConnection(c -> Jdbc.queryList(c, sql.selectLog, AgentLog::map, agent));
    }

    /** The agent's most recent {@code count} entries (fewer if it has fewer), in sequence order. */
    public List<LogEntry> latest(String agent, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        return db.withConnection(c -> Jdbc.queryList(c, sql.selectLatestLog, AgentLog::map, agent, count));
    }

    /**
     * The agent's entries appended from {@code fromMillis} (inclusive) until {@code untilMillis}
     * (exclusive), database clock, in sequence order.
     */
    public List<LogEntry> between(String agent, long fromMillis, long untilMillis) {
        return db.withConnection(c -> Jdbc.queryList(c, sql.selectLogBetween, AgentLog::map, agent, fromMillis,
                untilMillis));
    }

    static LogEntry map(ResultSet rs) throws SQLException {
        return new LogEntry(rs.getString("agent"), rs.getLong("seq"), rs.getString("entry"), rs.getString("project"),
                rs.getLong("appended_at"));
    }
}
