package io.lockbench.stress.scenario;

/** A scenario that cannot be run as written; the message names the file, the field and what is allowed. */
public final class ScenarioException extends IllegalArgumentException {

    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
