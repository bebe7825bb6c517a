package io.lockbench.stress.client;

/** The client's process ended (killed, crashed) while it was asked to do something: the outcome is unknown. */
public final class ClientProcessDiedException extends RuntimeException {

    public ClientProcessDiedException(String message, Throwable cause) {
        super(message, cause);
    }
}
