package io.lockbench.stress.client;

import io.lockbench.api.Client;
import io.lockbench.impl.catalog.Strategy;
import io.lockbench.impl.catalog.Variant;
import java.util.function.Supplier;

/** The client of each reference variant, and the workload that exercises its strategy. */
public final class ReferenceClients {

    private ReferenceClients() {
    }

    /** New clients of {@code variant}, one per process. */
    public static Supplier<Client> of(Variant variant) {
        return switch (variant.strategy()) {
            case OPTIMISTIC_RETRY -> () -> new RegisterClient(variant);
            case UNIQUE_SEQUENCING -> () -> new SequenceClient(variant);
            case PESSIMISTIC_CLAIMS -> () -> new ClaimsClient(variant);
            case AGENT_CONTEXT -> () -> new AgentClient(variant);
        };
    }

    /** The workload type that exercises {@code strategy}. */
    public static String workloadOf(Strategy strategy) {
        return switch (strategy) {
            case OPTIMISTIC_RETRY -> "register";
            case UNIQUE_SEQUENCING -> "sequence";
            case PESSIMISTIC_CLAIMS -> "claims";
            case AGENT_CONTEXT -> "agent";
        };
    }
}
