package io.lockbench.stress.checker.mutex;

import io.lockbench.stress.history.History.Operation;
import io.lockbench.stress.history.Op;
import java.util.List;

/**
 * The claims, releases, fenced writes and inspections of one resource.
 *
 * @param resource the resource id (the ops' key)
 */
record ResourceOps(Object resource, List<Acquisition> acquisitions, List<Operation> releases,
                   List<FencedWrite> writes, List<Inspection> inspections) {

    /**
     * An {@code acquire}. For an {@code ok} one, the fencing token it was granted ({@code null} if not
     * reported) and whether it took over a stale claim; for others, neither is known.
     */
    record Acquisition(Operation operation, Long token, boolean takeover) {
        Op evidence() {
            return operation.completePosition() != Integer.MAX_VALUE ? operation.completion() : operation.invoke();
        }
    }

    /** A {@code fenced-write} carrying the token its writer holds. */
    record FencedWrite(Operation operation, long token) {
        Op evidence() {
            return operation.completion();
        }
    }

    /**
     * What the database showed at one moment: the number of active claims ({@code null} if not
     * reported), the resource's active session and the active claim's session.
     */
    record Inspection(Operation operation, Long activeClaims, Object activeSession, Object claimSession,
                      boolean sessionsReported) {
        Op evidence() {
            return operation.completion();
        }
    }
}
