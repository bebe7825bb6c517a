package io.lockbench.stress.checker.elle;

/** Says, in a sentence, why one transaction depends on another (one per data model). */
interface StepExplainer {

    /** Why {@code from} precedes {@code to} by {@code relation} (one of {@link DependencyGraph}'s). */
    String explain(Txn from, Txn to, int relation);
}
