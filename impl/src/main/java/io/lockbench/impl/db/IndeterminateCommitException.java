package io.lockbench.impl.db;

/**
 * COMMIT did not confirm the outcome (the connection was lost while committing, or SQLite ended
 * the transaction on an error): the transaction may or may not have been applied.
 * A history records such an operation as {@code info}, never as {@code fail}.
 */
public class IndeterminateCommitException extends DatabaseException {

    public IndeterminateCommitException(String message, Throwable cause) {
        super(ErrorKind.CONNECTION_LOST, message, cause);
    }
}
