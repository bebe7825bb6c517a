package io.lockbench.stress.nemesis;

import java.util.Optional;

/**
 * A fault the runner injects on a schedule (Jepsen's nemesis protocol): {@link #start} it, hold,
 * {@link #heal} it, maybe again. Each start and heal is recorded in the history as an operation
 * of process {@code nemesis}, with the text these methods return.
 */
public interface Nemesis {

    /** The name scenarios use ({@code kill-connections}). */
    String name();

    /**
     * Why this fault cannot be injected here (wrong backend, not root, a missing tool), or empty.
     * A run with an unavailable fault stops before it starts, with this reason.
     */
    default Optional<String> unavailable(NemesisContext context) {
        return Optional.empty();
    }

    /** Whether clients must reach the database through lockbench's TCP proxy for this fault. */
    default boolean needsProxy() {
        return false;
    }

    default void setup(NemesisContext context) throws Exception {
    }

    /** Injects the fault; returns what it did, for the history ("terminated 4 backends"). */
    String start(NemesisContext context) throws Exception;

    /** Removes the fault; returns what it did. Called after every start, also when the run is cut short. */
    String heal(NemesisContext context) throws Exception;

    default void teardown(NemesisContext context) throws Exception {
    }
}
