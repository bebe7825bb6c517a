package io.lockbench.stress.checker.mutex;

import io.lockbench.stress.checker.Anomaly;
import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.checker.Checker;
import io.lockbench.stress.checker.RealTimeOrder;
import io.lockbench.stress.checker.mutex.ResourceOps.Acquisition;
import io.lockbench.stress.checker.mutex.ResourceOps.FencedWrite;
import io.lockbench.stress.history.History;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks pessimistic claims with fencing tokens, per resource: at most one holder at any time
 * ({@link MutualExclusion}), tokens granted in increasing order and honoured by the protected
 * resource ({@link TokenOrder}), and the resource in step with its claim ({@link InspectionCheck}).
 *
 * <p>Value conventions (the op's {@code key} is the resource id):
 * <ul>
 *   <li>{@code acquire}: an {@code ok} completion's value is the fencing token (integer), or a map
 *       {@code {token t, takeover true|false}} where {@code takeover} means the previous holder's
 *       claim was stale and was expired; {@code fail} means not acquired;</li>
 *   <li>{@code release}: the process gives up its claim; its invocation ends the holding;</li>
 *   <li>{@code fenced-write}: the invocation's value is the token the writer holds (integer, or
 *       {@code {token t}}); {@code ok} means the protected resource accepted it, {@code fail} that
 *       it rejected it;</li>
 *   <li>{@code inspect}: an {@code ok} completion's value is a map {@code {active-claims n,
 *       active-session s, claim-session s2}}: what the database showed at that moment.</li>
 * </ul>
 * Map keys may be written {@code token}, {@code :token} or {@code active_claims}. A history with
 * none of these operations is unknown: there is nothing to judge.
 */
public final class MutexChecker implements Checker {

    @Override
    public String name() {
        return "mutex";
    }

    @Override
    public CheckResult check(History history) {
        List<ResourceOps> resources;
        try {
            resources = MutexOps.byResource(history);
        } catch (IllegalArgumentException e) {
            return CheckResult.unknown(name(), "cannot check this history: " + e.getMessage(), Map.of());
        }
        if (resources.isEmpty()) {
            return CheckResult.unknown(name(), "nothing to check: no acquire, release, fenced-write or inspect "
                    + "operations", Map.of());
        }
        RealTimeOrder order = RealTimeOrder.of(history);
        List<Anomaly> anomalies = new ArrayList<>();
        int acquisitions = 0;
        int granted = 0;
        int refused = 0;
        int writes = 0;
        int accepted = 0;
        int rejected = 0;
        int inspections = 0;
        for (ResourceOps r : resources) {
            anomalies.addAll(MutualExclusion.check(r, order));
            anomalies.addAll(TokenOrder.check(r, order));
            anomalies.addAll(InspectionCheck.check(r));
            for (Acquisition a : r.acquisitions()) {
                acquisitions++;
                granted += a.operation().ok() ? 1 : 0;
                refused += a.operation().failed() ? 1 : 0;
            }
            for (FencedWrite w : r.writes()) {
                writes++;
                accepted += w.operation().ok() ? 1 : 0;
                rejected += w.operation().failed() ? 1 : 0;
            }
            inspections += r.inspections().size();
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("resources", resources.size());
        stats.put("acquisitions", acquisitions);
        stats.put("granted", granted);
        stats.put("refused", refused);
        stats.put("fenced-writes", writes);
        stats.put("accepted-writes", accepted);
        stats.put("rejected-writes", rejected);
        stats.put("inspections", inspections);

        String summary = resources.size() + (resources.size() == 1 ? " resource, " : " resources, ")
                + acquisitions + " acquisitions (" + granted + " granted, " + refused + " refused, "
                + (acquisitions - granted - refused) + " indeterminate), " + writes + " fenced writes (" + accepted
                + " accepted, " + rejected + " rejected, " + (writes - accepted - rejected) + " indeterminate), "
                + inspections + " inspections";
        if (anomalies.isEmpty()) {
            return CheckResult.valid(name(), summary + ": valid", stats);
        }
        return CheckResult.invalid(name(), summary + ": " + anomalies.size()
                + (anomalies.size() == 1 ? " anomaly" : " anomalies"), anomalies, stats);
    }
}
