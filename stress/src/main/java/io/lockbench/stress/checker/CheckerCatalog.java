package io.lockbench.stress.checker;

import io.lockbench.stress.checker.elle.ConsistencyModel;
import io.lockbench.stress.checker.elle.ListAppendChecker;
import io.lockbench.stress.checker.elle.RwRegisterChecker;
import io.lockbench.stress.checker.linear.CasRegisterModel;
import io.lockbench.stress.checker.linear.KnossosLockModel;
import io.lockbench.stress.checker.linear.LinearizabilityChecker;
import io.lockbench.stress.checker.linear.MultiRegisterModel;
import io.lockbench.stress.checker.linear.RegisterModel;
import io.lockbench.stress.checker.linear.SearchBudget;
import io.lockbench.stress.checker.linear.VersionedRegisterModel;
import io.lockbench.stress.checker.mutex.MutexChecker;
import io.lockbench.stress.checker.sequence.SequenceChecker;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The one place that maps a model name, as given to {@code lockbench check --model}, to the
 * checker for it. Add a checker here and the command line and the fixture tests pick it up.
 */
public final class CheckerCatalog {

    private static final Map<String, Function<SearchBudget, Checker>> CHECKERS = new LinkedHashMap<>();
    /** Transactional models, checked against consistency models (serializable unless told). */
    private static final Map<String, Function<Set<ConsistencyModel>, Checker>> TRANSACTIONAL = new LinkedHashMap<>();

    static {
        CHECKERS.put(CasRegisterModel.NAME, budget -> new LinearizabilityChecker(new CasRegisterModel(), budget));
        CHECKERS.put(RegisterModel.NAME, budget -> new LinearizabilityChecker(new RegisterModel(), budget));
        CHECKERS.put(VersionedRegisterModel.NAME,
                budget -> new LinearizabilityChecker(new VersionedRegisterModel(), budget));
        // Knossos's mutex, named apart from lockbench's own mutex (fencing invariants) below.
        CHECKERS.put(KnossosLockModel.NAME, budget -> new LinearizabilityChecker(new KnossosLockModel(), budget));
        CHECKERS.put(MultiRegisterModel.NAME, budget -> new LinearizabilityChecker(new MultiRegisterModel(), budget));
        // The invariant checkers do no exponential search, so they need no budget.
        CHECKERS.put("sequence", budget -> new SequenceChecker());
        CHECKERS.put("mutex", budget -> new MutexChecker());
        CHECKERS.put("list-append", budget -> new ListAppendChecker());
        TRANSACTIONAL.put("list-append", ListAppendChecker::new);
        CHECKERS.put("rw-register", budget -> new RwRegisterChecker());
        TRANSACTIONAL.put("rw-register", RwRegisterChecker::new);
    }

    private CheckerCatalog() {
    }

    /** The model names that have a checker, in the order they were registered. */
    public static Set<String> models() {
        return Collections.unmodifiableSet(CHECKERS.keySet());
    }

    public static boolean has(String model) {
        return CHECKERS.containsKey(model);
    }

    /**
     * The checker for {@code model}; {@code budget} bounds searches that can blow up.
     *
     * @throws IllegalArgumentException for a model with no checker, naming the ones there are
     */
    public static Checker checker(String model, SearchBudget budget) {
        Function<SearchBudget, Checker> factory = CHECKERS.get(model);
        if (factory == null) {
            throw new IllegalArgumentException("no checker is registered for model '" + model
                    + "'; known models: " + String.join(", ", CHECKERS.keySet()));
        }
        return factory.apply(budget);
    }

    /** Whether {@code model} is checked against consistency models ({@code --consistency-models}). */
    public static boolean transactional(String model) {
        return TRANSACTIONAL.containsKey(model);
    }

    /**
     * The checker for a transactional {@code model} against {@code consistencyModels}.
     *
     * @throws IllegalArgumentException for a model that is not transactional, naming those that are
     */
    public static Checker checker(String model, Set<ConsistencyModel> consistencyModels) {
        Function<Set<ConsistencyModel>, Checker> factory = TRANSACTIONAL.get(model);
        if (factory == null) {
            throw new IllegalArgumentException("--consistency-models applies to transactional models only ("
                    + String.join(", ", TRANSACTIONAL.keySet()) + "), not to '" + model + "'");
        }
        return factory.apply(consistencyModels);
    }

    public static Checker checker(String model) {
        return checker(model, SearchBudget.defaults());
    }
}
