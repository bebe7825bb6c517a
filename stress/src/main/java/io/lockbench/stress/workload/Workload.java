package io.lockbench.stress.workload;

import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * What the clients of a run do, and how the result is judged: a generator per worker, the final
 * reads after the main phase, and the checkers (by {@code CheckerCatalog} model name) that the
 * history feeds. Jepsen's workload map, as a small interface.
 */
public interface Workload {

    /** {@code register}, {@code sequence}, {@code claims}, {@code agent}. */
    String type();

    /** The operations this workload issues, each with its default weight in the mix. */
    java.util.Map<String, Double> defaultMix();

    /** The checkers that judge its histories, each with the operations it reads. */
    List<CheckerUse> checkers();

    /** The operations of worker {@code worker}; all randomness from {@code random}. */
    Generator generator(int worker, Random random);

    /** Operations run one after another by a fresh client once the main phase ended and faults healed. */
    List<OpSpec> finalOps();

    /** Operations that change nothing: an error in one of them is {@code fail}, not {@code info}. */
    Set<String> readOnlyOperations();

    /** The keys (objects) the workload operates on. */
    List<String> keys();
}
