package io.lockbench.impl.db;

/**
 * The database could not be reached at all. The message names the URL (never the password) and
 * says how to fix it.
 */
public class DatabaseUnavailableException extends DatabaseException {

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(ErrorKind.CONNECTION_LOST, message, cause);
    }
}
