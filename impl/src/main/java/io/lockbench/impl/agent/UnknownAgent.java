package io.lockbench.impl.agent;

/** Rejected: no agent of that id was ever started (or migrated). Nothing was written. */
public record UnknownAgent(String agent) implements LeaseRefusal {
}
