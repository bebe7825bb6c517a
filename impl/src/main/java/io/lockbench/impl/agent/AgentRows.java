package io.lockbench.impl.agent;

import io.lockbench.impl.db.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps rows of {@code lb_agents} read with {@link AgentSql#sessionColumns}. */
final class AgentRows {

    private AgentRows() {
    }

    static AgentSession session(ResultSet rs) throws SQLException {
        String state = rs.getString("state");
        long heartbeatAt = rs.getLong("heartbeat_at");
        long lapsesAt = heartbeatAt + rs.getLong("lease_ms");
        Long endedAt = Jdbc.getLongOrNull(rs, "ended_at");
        long observedAt = rs.getLong("observed_at");
        AgentStatus status = switch (state) {
            case "ended" -> AgentStatus.ENDED;
            case "expired" -> AgentStatus.EXPIRED;
            case "active" -> lapsesAt > observedAt ? AgentStatus.ACTIVE : AgentStatus.EXPIRED;
            default -> throw new SQLException("unknown agent state '" + state + "' in lb_agents");
        };
        // An ended lease stopped when it was ended, unless it had already lapsed before that.
        long leaseExpiresAt = endedAt == null ? lapsesAt : Math.min(lapsesAt, endedAt);
        return new AgentSession(rs.getString("agent"), rs.getString("project"), rs.getLong("version"), status,
                rs.getLong("lease_epoch"), rs.getLong("started_at"), heartbeatAt, leaseExpiresAt, observedAt);
    }
}
