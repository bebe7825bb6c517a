package io.lockbench.impl.agent;

import io.lockbench.impl.retry.Backoff;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes an agent's project by compare-and-set, retrying conflicts: re-read the current project
 * and version, apply the change to it, compare-and-set; on a version conflict back off (jittered)
 * and start over, up to {@code maxAttempts}, then throw {@link ProjectConflictException}. A lease
 * refusal is returned at once: retrying cannot fix it, starting the agent again can.
 */
public final class ProjectRetry {

    public static final int DEFAULT_MAX_ATTEMPTS = 5;

    private static final Logger log = LoggerFactory.getLogger(ProjectRetry.class);

    private final AgentContext context;
    private final int maxAttempts;
    private final Backoff backoff;

    public ProjectRetry(AgentContext context) {
        this(context, DEFAULT_MAX_ATTEMPTS, Backoff.DEFAULT);
    }

    public ProjectRetry(AgentContext context, int maxAttempts, Backoff backoff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        this.context = context;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    /**
     * Sets the agent's project to {@code change} applied to its current project (null before the
     * first). Returns {@link ProjectUpdate.Updated}, or the {@link LeaseRefusal} that stopped it.
     *
     * @throws ProjectConflictException after {@code maxAttempts} version conflicts
     */
    public ProjectUpdate update(Lease lease, UnaryOperator<String> change) {
        long lastSeen = -1;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            ProjectSelection current = context.currentProject(lease.agent())
                    .orElse(new ProjectSelection(lease.agent(), null, 0));
            lastSeen = current.version();
            ProjectUpdate result = context.setProject(lease, current.version(), change.apply(current.project()));
            if (!(result instanceof ProjectUpdate.VersionConflict conflict)) {
                return result;
            }
            lastSeen = conflict.currentVersion();
            log.debug("agent '{}': project conflict on attempt {} of {} (expected version {}, found {})",
                    lease.agent(), attempt, maxAttempts, current.version(), conflict.currentVersion());
            if (attempt < maxAttempts) {
                backoff.pause(attempt);
            }
        }
        ProjectConflictException giveUp = new ProjectConflictException(lease.agent(), maxAttempts, lastSeen);
        log.warn(giveUp.getMessage());
        throw giveUp;
    }
}
