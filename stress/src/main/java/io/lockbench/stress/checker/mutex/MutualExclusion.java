package io.lockbench.stress.checker.mutex;

import io.lockbench.stress.checker.Anomaly;
import io.lockbench.stress.checker.RealTimeOrder;
import io.lockbench.stress.checker.mutex.ResourceOps.Acquisition;
import io.lockbench.stress.history.History.Operation;
import io.lockbench.stress.history.Op;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * At most one holder of a resource at any time.
 *
 * <p>A process <em>certainly</em> holds a claim from its acquire's {@code ok} until it invokes
 * release (or the history ends). Two such intervals of different processes that overlap are two
 * holders, unless something may have ended the earlier claim in between: a takeover with a greater
 * token (the earlier claim was stale and expired), an acquire of unknown outcome (it may have been
 * such a takeover), or a release by a process that held nothing (a client releasing by session
 * after its process was retired). Only such a possibility is needed, so {@code info} never causes
 * an alarm.
 */
final class MutualExclusion {

    static final String TWO_HOLDERS = "two-holders";

    /** A certain holding: from {@code start} (ok of the acquire) to {@code end} (release invoked). */
    private record Holding(Acquisition acquisition, long process, int start, int end, Op releasedBy) {
    }

    /** Something that may have ended another process's claim, at some time in [invoked, completed]. */
    private record PossibleEnd(Operation operation, Long token, boolean tokenMatters, int invoked, int completed) {
    }

    private MutualExclusion() {
    }

    static List<Anomaly> check(ResourceOps resource, RealTimeOrder order) {
        List<Holding> holdings = new ArrayList<>();
        List<PossibleEnd> possibleEnds = new ArrayList<>();
        collect(resource, order, holdings, possibleEnds);
        holdings.sort(Comparator.comparingInt(Holding::start));
        possibleEnds.sort(Comparator.comparingInt(PossibleEnd::invoked));

        List<Anomaly> anomalies = new ArrayList<>();
        List<Holding> active = new ArrayList<>();
        for (Holding later : holdings) {
            active.removeIf(h -> h.end() < later.start());
            for (Holding earlier : active) {
                if (earlier.process() != later.process()
                        && !mayHaveEnded(earlier, later, possibleEnds, order)) {
                    anomalies.add(twoHolders(resource.resource(), earlier, later));
                }
            }
            active.add(later);
        }
        return anomalies;
    }

    private static void collect(ResourceOps resource, RealTimeOrder order, List<Holding> holdings,
                                List<PossibleEnd> possibleEnds) {
        // Pair each ok acquire with its process's next release (by history position).
        Map<Long, List<Operation>> releasesByProcess = new HashMap<>();
        for (Operation r : resource.releases()) {
            releasesByProcess.computeIfAbsent(r.invoke().process(), p -> new ArrayList<>()).add(r);
        }
        java.util.Set<Integer> pairedReleases = new java.util.HashSet<>();
        for (Acquisition a : resource.acquisitions()) {
            Operation op = a.operation();
            if (op.ok()) {
                Operation release = nextRelease(releasesByProcess.get(op.invoke().process()), op.completePosition());
                if (release != null) {
                    pairedReleases.add(release.invokePosition());
                }
                holdings.add(new Holding(a, op.invoke().process(), order.completed(op),
                        release == null ? RealTimeOrder.NEVER : order.invoked(release),
                        release == null ? null : release.invoke()));
                if (a.takeover()) {
                    possibleEnds.add(new PossibleEnd(op, a.token(), true, order.invoked(op), order.completed(op)));
                }
            } else if (!op.failed()) {
                possibleEnds.add(new PossibleEnd(op, null, false, order.invoked(op), RealTimeOrder.NEVER));
            }
        }
        for (Operation r : resource.releases()) {
            if (!r.failed() && !pairedReleases.contains(r.invokePosition())) {
                possibleEnds.add(new PossibleEnd(r, null, false, order.invoked(r), order.completed(r)));
            }
        }
    }

    private static Operation nextRelease(List<Operation> releases, int after) {
        if (releases != null) {
            for (Operation r : releases) {
                if (r.invokePosition() > after) {
                    return r;
                }
            }
        }
        return null;
    }

    /**
     * Whether the earlier claim may have ended before the later one was granted: something invoked
     * before the later acquire completed, that may have taken effect after the earlier claim was
     * created, and that could end that claim.
     */
    private static boolean mayHaveEnded(Holding earlier, Holding later, List<PossibleEnd> ends, RealTimeOrder order) {
        int earlierCreatedAfter = order.invoked(earlier.acquisition().operation());
        Long earlierToken = earlier.acquisition().token();
        for (PossibleEnd e : ends) {
            if (e.invoked() >= later.start()) {
                break;
            }
            boolean inWindow = e.completed() > earlierCreatedAfter
                    && e.operation().invoke().process() != earlier.process();
            boolean canEnd = !e.tokenMatters() || e.token() == null || earlierToken == null
                    || e.token() > earlierToken;
            if (inWindow && canEnd) {
                return true;
            }
        }
        return false;
    }

    private static Anomaly twoHolders(Object resource, Holding earlier, Holding later) {
        List<Op> evidence = new ArrayList<>(List.of(earlier.acquisition().evidence(), later.acquisition().evidence()));
        if (earlier.releasedBy() != null) {
            evidence.add(earlier.releasedBy());
        }
        evidence.sort(Comparator.comparingLong(Op::index));
        String until = earlier.releasedBy() == null ? "the end of the history"
                : "its release (op " + earlier.releasedBy().index() + ")";
        String how = later.acquisition().takeover()
                ? "a takeover whose token is not greater" : "no takeover";
        return new Anomaly(TWO_HOLDERS, "resource " + resource + ": process " + earlier.process()
                + " held the claim" + token(earlier) + " from op " + earlier.acquisition().evidence().index()
                + " until " + until + ", but process " + later.process() + " acquired it" + token(later)
                + " at op " + later.acquisition().evidence().index() + " in between, with " + how, evidence);
    }

    private static String token(Holding h) {
        return h.acquisition().token() == null ? "" : " (token " + h.acquisition().token() + ")";
    }
}
