package io.lockbench.impl.agent;

/**
 * The outcome of setting an agent's project by compare-and-set: a value, because the caller must
 * decide what to do about a conflict or a lost lease.
 */
public sealed interface ProjectUpdate
        permits ProjectUpdate.Updated, ProjectUpdate.VersionConflict, LeaseRefusal {

    /** Written: the project is set and its version is now {@code newVersion} (expected + 1). */
    record Updated(long newVersion) implements ProjectUpdate {
    }

    /**
     * Rejected: another writer changed the agent's project since the caller read it. Nothing was
     * written; re-read (or use {@code currentVersion}) and decide again.
     */
    record VersionConflict(long currentVersion) implements ProjectUpdate {
    }
}
