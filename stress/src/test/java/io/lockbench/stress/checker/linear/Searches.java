package io.lockbench.stress.checker.linear;

import io.lockbench.stress.history.History;

/** Runs one search mode on a single-key history, bypassing the checker's tiers. */
final class Searches {

    private Searches() {
    }

    static <S, O> LinearizationSearch<S, O> search(Model<S, O> model, History history, SearchMode mode) {
        StepTable<S, O> table = new StepTable<>(model);
        KeyPartition.Part part = KeyPartition.of(history).get(0);
        KeyHistory compiled = KeyHistory.compile(part.key(), history, part.positions(), table);
        return new LinearizationSearch<>(compiled, table, mode, SearchBudget.defaults(), System.nanoTime() + 60_000_000_000L);
    }
}
