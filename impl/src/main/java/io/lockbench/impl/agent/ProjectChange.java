package io.lockbench.impl.agent;

/**
 * One change of an agent's project, as recorded in the same transaction that made it: who
 * changed what, and when.
 *
 * @param agent           whose project changed
 * @param version         the version the change created
 * @param previousVersion the version it replaced (the writer's expected version)
 * @param project         the project set
 * @param leaseEpoch      the lease that made the change ({@link Lease#epoch()}); 0 for the legacy
 *                        migration, which holds no lease
 * @param changedAt       database clock at the change, ms since the epoch
 */
public record ProjectChange(String agent, long version, long previousVersion, String project, long leaseEpoch,
                            long changedAt) {

    /** The lease epoch recorded for a change made by {@link LegacyStateMigration}. */
    public static final long LEGACY_MIGRATION = 0;
}
