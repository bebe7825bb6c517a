package io.lockbench.stress.checker;

import io.lockbench.stress.history.History;

/**
 * Decides whether a history shows a correct system. Checkers are pure functions of the history:
 * no database, no clock, no shared state, so they are tested with hand-written histories.
 */
public interface Checker {

    /** A short name used in reports and on the command line. */
    String name();

    CheckResult check(History history);
}
