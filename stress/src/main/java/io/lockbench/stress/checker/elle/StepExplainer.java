package io.lockbench.stress.checker.elle;

/** Says, in a sentence, why one transaction depends on another (one per data model). */
interface StepExplainer {

    /** Why {@code from} precedes {@code to} by {@code relation} (one of {@link DependencyGraph}'s). */
    String explain(Txn from, Txn to, int relation);

    /** Why a real-time or process step holds, whatever the data model; {@code null} for a data relation. */
    static String orderStep(Txn from, Txn to, int relation) {
        return switch (relation) {
            case DependencyGraph.RT -> from.name() + " completed before " + to.name() + " began";
            case DependencyGraph.PROCESS -> "process " + from.process() + " ran " + from.name() + " (ok) before "
                    + to.name();
            default -> null;
        };
    }
}
