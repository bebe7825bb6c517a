package io.lockbench.stress.workload;

import java.util.Set;

/**
 * A checker that judges part of a workload's history: the model name in {@code CheckerCatalog}
 * and the operations ({@code f}s) it reads; the runner hands it only those.
 */
public record CheckerUse(String model, Set<String> operations) {

    public CheckerUse {
        operations = Set.copyOf(operations);
    }
}
