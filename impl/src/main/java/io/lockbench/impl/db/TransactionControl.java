package io.lockbench.impl.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How a backend starts, commits and rolls back an explicit transaction. {@link Database} calls
 * these and nothing else, and evicts from the pool any connection on which one of them threw, so a
 * connection is never handed out again in a transaction state nobody knows.
 */
public interface TransactionControl {

    void begin(Connection c) throws SQLException;

    void commit(Connection c) throws SQLException;

    void rollback(Connection c) throws SQLException;

    /**
     * What a COMMIT that failed with an error from the database (not a lost connection) means.
     * False: the database refused it and rolled the transaction back (PostgreSQL), so it was
     * certainly not applied. True: the transaction may have ended either way (SQLite can roll back
     * on its own after some errors), and only a ROLLBACK that succeeds, because the transaction
     * is still open, proves it was not applied; otherwise the outcome is indeterminate.
     */
    boolean failedCommitNeedsRollbackToProveNotApplied();

    /** The JDBC way: {@code setAutoCommit(false)}, {@code commit()}, {@code rollback()}. */
    TransactionControl JDBC = new TransactionControl() {
        @Override
        public void begin(Connection c) throws SQLException {
            c.setAutoCommit(false);
        }

        @Override
        public void commit(Connection c) throws SQLException {
            c.commit();
        }

        @Override
        public void rollback(Connection c) throws SQLException {
            c.rollback();
        }

        @Override
        public boolean failedCommitNeedsRollbackToProveNotApplied() {
            return false;
        }
    };

    /**
     * The connection stays in JDBC autocommit and the transaction is driven by SQL statements, so the
     * driver keeps no state of its own that could disagree with the database's. (sqlite-jdbc's
     * {@code transaction_mode=IMMEDIATE} marks a transaction open before its BEGIN runs, and runs
     * the next BEGIN inside {@code commit()}: one BEGIN that times out leaves a pooled connection
     * that believes it is in a transaction when it is in autocommit.)
     */
    static TransactionControl statements(String begin) {
        return new TransactionControl() {
            @Override
            public void begin(Connection c) throws SQLException {
                execute(c, begin);
            }

            @Override
            public void commit(Connection c) throws SQLException {
                execute(c, "COMMIT");
            }

            @Override
            public void rollback(Connection c) throws SQLException {
                execute(c, "ROLLBACK");
            }

            @Override
            public boolean failedCommitNeedsRollbackToProveNotApplied() {
                return true;
            }

            private void execute(Connection c, String sql) throws SQLException {
                try (Statement s = c.createStatement()) {
                    s.execute(sql);
                }
            }
        };
    }
}
