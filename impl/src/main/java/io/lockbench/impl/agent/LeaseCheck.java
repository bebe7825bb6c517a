package io.lockbench.impl.agent;

import io.lockbench.impl.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Says why a statement guarded by a lease matched no row: the agent is unknown, or the lease
 * presented is not its running one. Empty when the lease is held after all (it was renewed
 * between the guarded statement and this read, under READ COMMITTED): the caller tries again.
 */
final class LeaseCheck {

    private LeaseCheck() {
    }

    static Optional<LeaseRefusal> refusal(Connection c, AgentSql sql, Lease lease) throws SQLException {
        Optional<AgentSession> session = Jdbc.queryOne(c, sql.selectSession, AgentRows::session, lease.agent());
        if (session.isEmpty()) {
            return Optional.of(new UnknownAgent(lease.agent()));
        }
        AgentSession s = session.get();
        if (s.status() != AgentStatus.ACTIVE || s.leaseEpoch() != lease.epoch()) {
            return Optional.of(LeaseExpired.of(s, lease));
        }
        return Optional.empty();
    }
}
