package io.lockbench.stress.history;

import java.util.List;

/**
 * Keys are never guessed, but a history read without {@code --independent} whose every client op
 * has a {@code [key value]} pair as its value is almost surely a Jepsen independent history: the
 * pairs would be taken as register values and a valid history reported invalid.
 */
public final class IndependentHint {

    public static final String MESSAGE = "looks like a Jepsen independent history (every client op's value is a "
            + "[key value] pair); pass --independent";

    private IndependentHint() {
    }

    /**
     * Whether every client op's value is a two-element list whose first element is a single value
     * (a list-append transaction of two micro-ops starts with a list, and is not one).
     */
    public static boolean applies(History history) {
        boolean any = false;
        for (Op op : history.ops()) {
            if (op.process() == Op.NEMESIS) {
                continue;
            }
            if (!(op.value() instanceof List<?> pair) || pair.size() != 2 || pair.get(0) instanceof List<?>
                    || pair.get(0) instanceof java.util.Map<?, ?>) {
                return false;
            }
            any = true;
        }
        return any;
    }
}
