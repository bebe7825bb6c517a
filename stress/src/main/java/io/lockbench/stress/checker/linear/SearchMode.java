package io.lockbench.stress.checker.linear;

/**
 * How a search treats the indeterminate ops it uses: the three tiers of
 * {@link LinearizabilityChecker}.
 *
 * <p>Tracking exactly which indeterminate ops each configuration used is what makes the search
 * exact, and also what can multiply configurations: the same state and linearized set, reached
 * by explaining observations with different indeterminate ops. The tiers exploit that each
 * answer is sound in one direction:
 * <ul>
 *   <li>{@link #FRUGAL} keeps, per state and linearized set, only the configuration that used
 *       fewest. Every configuration it keeps is real, so reaching the end proves the
 *       history linearizable; a dead end proves nothing if it dropped any.</li>
 *   <li>{@link #RELAXED} lets each indeterminate op take effect any number of times — more
 *       histories pass — so a dead end proves the history is not linearizable.</li>
 *   <li>{@link #EXACT} keeps every configuration that is not dominated; both answers are exact,
 *       at the price of the budget.</li>
 * </ul>
 */
enum SearchMode {
    FRUGAL(false, false),
    RELAXED(true, true),
    EXACT(true, false);

    /**
     * Whether configurations that differ only in the indeterminate ops they used are kept apart;
     * if not, one per (state, linearized set) is kept: the one that used fewest.
     */
    final boolean keyedOnConsumption;
    /** Whether an indeterminate op may take effect more than once. */
    final boolean reusableIndeterminate;

    SearchMode(boolean keyedOnConsumption, boolean reusableIndeterminate) {
        this.keyedOnConsumption = keyedOnConsumption;
        this.reusableIndeterminate = reusableIndeterminate;
    }
}
