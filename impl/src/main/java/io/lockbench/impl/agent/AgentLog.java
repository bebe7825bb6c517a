package io.lockbench.impl.agent;

import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * An append-only log per agent, safe under many concurrent appenders. Each append, in one
 * transaction, takes the agent's next sequence number from a counter row ({@code INSERT … ON
 * CONFLICT DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq}) and inserts the entry. The
 * counter row stays locked until the append commits, so appenders to one agent queue there and
 * numbers come out contiguous; a rolled-back append gives its number back with the rollback.
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

    /** Appends {@code entry} to {@code agent}'s log and returns it with its sequence number. */
    public LogEntry append(String agent, String entry) {
        return db.inTransaction(c -> {
            long seq = Jdbc.queryLong(c, sql.nextLogSeq, agent);
            return Jdbc.queryOne(c, sql.insertLogEntry, AgentLog::map, agent, seq, entry).orElseThrow();
        });
    }

    /** The agent's entries in sequence order; only that agent's. */
    public List<LogEntry> read(String agent) {
        return db.withConnection(c -> Jdbc.queryList(c, sql.selectLog, AgentLog::map, agent));
    }

    private static LogEntry map(ResultSet rs) throws SQLException {
        return new LogEntry(rs.getString("agent"), rs.getLong("seq"), rs.getString("entry"), rs.getLong("appended_at"));
    }
}
