package io.lockbench.stress.client;

/** An operation that did not complete within the scenario's {@code op-timeout}: its outcome is unknown. */
public final class OperationTimeoutException extends RuntimeException {

    public OperationTimeoutException(String message) {
        super(message);
    }
}
