package io.lockbench.impl.db;

import java.sql.SQLException;

/**
 * A database error the caller cannot handle in place, already classified. The original
 * {@link SQLException} is the cause.
 */
public class DatabaseException extends RuntimeException {

    private final ErrorKind kind;

    public DatabaseException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public ErrorKind kind() {
        return kind;
    }
}
