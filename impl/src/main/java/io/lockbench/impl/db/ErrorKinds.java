package io.lockbench.impl.db;

import java.sql.SQLException;

/** Classifies any throwable by walking its causes and asking the dialect about each SQL error. */
public final class ErrorKinds {

    private ErrorKinds() {
    }

    public static ErrorKind classify(Dialect dialect, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof DatabaseException) {
                return ((DatabaseException) t).kind();
            }
            if (t instanceof SQLException) {
                SQLException e = (SQLException) t;
                for (SQLException s = e; s != null; s = s.getNextException()) {
                    ErrorKind kind = dialect.classify(s);
                    if (kind != ErrorKind.OTHER) {
                        return kind;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return ErrorKind.OTHER;
    }
}
