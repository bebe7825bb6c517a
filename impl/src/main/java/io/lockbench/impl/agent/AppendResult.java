package io.lockbench.impl.agent;

/** The outcome of appending to an agent's log: appended, or refused for want of a valid lease. */
public sealed interface AppendResult permits AppendResult.Appended, LeaseRefusal {

    /** In the log, numbered. */
    record Appended(LogEntry entry) implements AppendResult {
    }
}
