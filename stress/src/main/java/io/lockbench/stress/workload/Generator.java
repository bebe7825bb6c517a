package io.lockbench.stress.workload;

import io.lockbench.api.Completion;

/**
 * The operations of one worker, drawn from a seeded random source so that the same seed gives the
 * same choices. A generator may remember what its operations returned (the version last read, the
 * claim held), as a client does: the choices (which f, which key, which payload) depend only on
 * the seed and on the outcomes, never on wall-clock time.
 */
public interface Generator {

    /** The next operation of this worker. */
    OpSpec next();

    /** How the operation {@link #next()} gave last ended. */
    void completed(OpSpec op, Completion completion);

    /** Whether the worker holds something now (a claim): the pause nemesis prefers such workers. */
    default boolean holding() {
        return false;
    }
}
