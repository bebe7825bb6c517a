package io.lockbench.stress.history;

/**
 * One way a history is not well formed, found by {@link HistoryValidator}.
 *
 * @param opIndex  the {@code index} of the offending op
 * @param position its position in the history (0-based)
 * @param message  what is wrong, in a sentence
 */
public record HistoryProblem(long opIndex, int position, String message) {
    @Override
    public String toString() {
        return "op " + opIndex + ": " + message;
    }
}
