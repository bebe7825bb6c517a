package io.lockbench.stress.checker.mutex;

import io.lockbench.stress.checker.Anomaly;
import io.lockbench.stress.checker.mutex.ResourceOps.Inspection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the database showed at one moment: at most one active claim, and the resource's active
 * session equal to the active claim's session (nobody's when there is no claim). The claim and
 * the resource change in one transaction, so any moment that shows them apart is an anomaly.
 */
final class InspectionCheck {

    static final String RESOURCE_OUT_OF_STEP = "resource-out-of-step";

    private InspectionCheck() {
    }

    static List<Anomaly> check(ResourceOps resource) {
        List<Anomaly> anomalies = new ArrayList<>();
        String name = "resource " + resource.resource() + ": ";
        for (Inspection i : resource.inspections()) {
            String at = "the inspection at op " + i.evidence().index();
            Long n = i.activeClaims();
            if (n != null && n > 1) {
                anomalies.add(new Anomaly(MutualExclusion.TWO_HOLDERS,
                        name + at + " saw " + n + " active claims", List.of(i.evidence())));
            } else if (n != null && n == 0 && i.activeSession() != null) {
                anomalies.add(new Anomaly(RESOURCE_OUT_OF_STEP, name + at + " saw no active claim, yet the "
                        + "resource's active session is " + i.activeSession(), List.of(i.evidence())));
            } else if ((n == null || n == 1) && i.sessionsReported()
                    && !Objects.equals(i.activeSession(), i.claimSession())) {
                anomalies.add(new Anomaly(RESOURCE_OUT_OF_STEP, name + at + " saw the resource's active session "
                        + i.activeSession() + " but the active claim's session " + i.claimSession(),
                        List.of(i.evidence())));
            }
        }
        return anomalies;
    }
}
