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
 * <p>A process holds a claim from its acquire's {@code ok} until it invokes release (or the history
 * ends), unless the claim was ended first. Two such holdings of different processes that overlap
 * are two holders, unless, by the moment the later one was acknowledged, something may have ended
 * either claim: a takeover with a greater token (the claim was stale and expired; it may even have
 * happened before the taken-over acquire was acknowledged), an acquire of unknown outcome (it may
 * have been such a takeover), or a release by a process that held nothing (a client releasing by
 * session after its process was retired). Only such a possibility is needed, so {@code info} never
 * causes an alarm.
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
        // Pair each ok acquire with its process's next release (by history position). Both come in
        // invocation order, so one cursor per process walks that process's releases once.
        Map<Long, List<Operation>> releasesByProcess = new HashMap<>();
        for (Operation r : resource.releases()) {
            releasesByProcess.computeIfAbsent(r.invoke().process(), p -> new ArrayList<>()).add(r);
        }
        Map<Long, int[]> cursors = new HashMap<>();
        java.util.Set<Integer> pairedReleases = new java.util.HashSet<>();
        for (Acquisition a : resource.acquisitions()) {
            Operation op = a.operation();
            if (op.ok()) {
                long process = op.invoke().process();
                Operation release = nextRelease(releasesByProcess.get(process),
                        cursors.computeIfAbsent(process, p -> new int[1]), op.completePosition());
                if (release != null) {
                    pairedReleases.add(release.invokePosition());
                }
                holdings.add(new Holding(a, process, order.completed(op),
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

    /** The first release invoked after {@code after}, moving the cursor up to it. */
    private static Operation nextRelease(List<Operation> releases, int[] cursor, int after) {
        if (releases == null) {
            return null;
        }
        while (cursor[0] < releases.size() && releases.get(cursor[0]).invokePosition() <= after) {
            cursor[0]++;
        }
        return cursor[0] < releases.size() ? releases.get(cursor[0]) : null;
    }

    /**
     * Whether either claim may have ended by the time the later holding began: the earliest moment
     * both were held, and the likeliest for both to be live.
     */
    private static boolean mayHaveEnded(Holding earlier, Holding later, List<PossibleEnd> ends, RealTimeOrder order) {
        Acquisition takeover = later.acquisition();
        if (takeover.takeover() && greater(takeover.token(), earlier.acquisition().token())) {
            return true; // the usual case: the later acquisition itself expired the stale claim
        }
        return mayHaveEndedBy(earlier, later.start(), ends, order) || mayHaveEndedBy(later, later.start(), ends, order);
    }

    /** Whether something invoked before {@code moment} may have ended the holding's claim. */
    private static boolean mayHaveEndedBy(Holding h, int moment, List<PossibleEnd> ends, RealTimeOrder order) {
        int claimCreatedAfter = order.invoked(h.acquisition().operation());
        // Latest first: what ended a claim is usually close before the next acquisition.
        for (int i = lastInvokedBefore(ends, moment); i >= 0; i--) {
            PossibleEnd e = ends.get(i);
            if (e.completed() > claimCreatedAfter && e.operation().invoke().process() != h.process()
                    && (!e.tokenMatters() || greater(e.token(), h.acquisition().token()))) {
                return true;
            }
        }
        return false;
    }

    /** Whether token {@code a} is greater than {@code b}, counting an unknown token as possibly so. */
    private static boolean greater(Long a, Long b) {
        return a == null || b == null || a > b;
    }

    /** Index of the last possible end invoked before {@code moment} ({@code ends} sorted by invocation), or -1. */
    private static int lastInvokedBefore(List<PossibleEnd> ends, int moment) {
        int lo = 0;
        int hi = ends.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends.get(mid).invoked() < moment) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
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
