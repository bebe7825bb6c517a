package io.lockbench.impl.catalog;

import io.lockbench.impl.agent.AgentContext;
import io.lockbench.impl.claims.ClaimStore;
import io.lockbench.impl.optimistic.VersionedStore;
import io.lockbench.impl.sequence.FileVersions;

/** The four locking strategies, each with the API its correct variant and broken twins share. */
public enum Strategy {
    OPTIMISTIC_RETRY("optimistic retry", VersionedStore.class),
    UNIQUE_SEQUENCING("unique-constraint sequencing", FileVersions.class),
    PESSIMISTIC_CLAIMS("pessimistic claims", ClaimStore.class),
    AGENT_CONTEXT("agent-scoped context", AgentContext.class);

    private final String displayName;
    private final Class<?> api;

    Strategy(String displayName, Class<?> api) {
        this.displayName = displayName;
        this.api = api;
    }

    public String displayName() {
        return displayName;
    }

    /** The interface every variant of this strategy implements. */
    public Class<?> api() {
        return api;
    }
}
