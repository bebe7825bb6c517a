package io.lockbench.stress.checker.elle;

import io.lockbench.stress.checker.Anomaly;
import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.checker.Checker;
import io.lockbench.stress.checker.RealTimeOrder;
import io.lockbench.stress.history.History;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Elle-style checker for list-append histories (agent logs): infers each key's order of appends
 * from its reads, builds the ww / wr / rw dependency graph (plus real-time edges for strict
 * serializability), and reports its cycles as G0, G1c, G-single and G2, along with aborted reads
 * (G1a), intermediate reads (G1b), lost, duplicated and wrong-key elements, incompatible orders
 * and internal inconsistencies.
 *
 * <p>Value conventions: {@code f} is {@code txn}; the value is a list of micro-ops
 * {@code ["append", k, v]} and {@code ["r", k, [v…]]}, the read list {@code nil} on the invocation
 * and filled in on {@code ok}. Values are unique per key. A failed transaction took no effect; one
 * of unknown outcome ({@code info}, or never completed) may have, and enters the graph through
 * whatever others read of it.
 *
 * <p>Cycles are named as Elle names them, with "-realtime" appended when a step is only real-time
 * order. {@code lost} is about real time in either mode: an ok append that no read begun after it
 * completed includes. Other anomaly types: {@code G1a}, {@code G1b}, {@code duplicated},
 * {@code wrong-key}, {@code unwritten-value}, {@code incompatible-order}, {@code internal}.
 */
public final class ListAppendChecker implements Checker {

    /** At most this many cycles of one type are reported; the rest are counted in the stats. */
    static final int CYCLES_SHOWN_PER_TYPE = 100;

    private final boolean realtime;

    /** A serializability checker: data dependencies only. */
    public ListAppendChecker() {
        this(false);
    }

    /** With {@code realtime}, also real-time edges: strict serializability. */
    public ListAppendChecker(boolean realtime) {
        this.realtime = realtime;
    }

    @Override
    public String name() {
        return "list-append";
    }

    @Override
    public CheckResult check(History history) {
        long began = System.nanoTime();
        List<Txn> txns;
        Appends appends;
        try {
            txns = TxnParser.parse(history);
            appends = Appends.index(txns);
        } catch (IllegalArgumentException e) {
            return CheckResult.unknown(name(), "cannot check this history: " + e.getMessage(), Map.of());
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        long ok = txns.stream().filter(Txn::ok).count();
        long failed = txns.stream().filter(Txn::failed).count();
        stats.put("txns", txns.size());
        stats.put("ok", ok);
        stats.put("failed", failed);
        stats.put("indeterminate", txns.size() - ok - failed);
        stats.put("keys", keys(txns));
        stats.put("realtime", realtime);
        if (ok == 0) {
            return CheckResult.unknown(name(), "nothing to check: no txn completed ok ("
                    + txns.size() + " txns in the history)", stats);
        }

        KeyOrders orders = KeyOrders.infer(txns, appends);
        List<Anomaly> anomalies = new ArrayList<>();
        anomalies.addAll(ReadAnomalies.find(orders, appends));
        anomalies.addAll(InternalConsistency.find(txns));
        anomalies.addAll(orders.anomalies());
        anomalies.addAll(OwnAppendOrder.find(txns, orders));
        RealTimeOrder order = RealTimeOrder.of(history);
        if (realtime) {
            anomalies.addAll(LostAppends.find(txns, orders, order));
        }

        DependencyGraph graph = Dependencies.build(txns, orders, appends, realtime ? order : null);
        CycleSearch search = new CycleSearch(graph);
        List<int[]> cycles = search.run(realtime);
        int relations = realtime ? DependencyGraph.ALL : DependencyGraph.DATA;
        List<Anomaly> cycleAnomalies = new ArrayList<>();
        int notShown = cycleAnomalies(cycles, new CycleReport(graph, txns, new EdgeExplainer(orders, appends),
                relations), cycleAnomalies);
        anomalies.addAll(cycleAnomalies);

        stats.put("ww-edges", graph.count(DependencyGraph.WW));
        stats.put("wr-edges", graph.count(DependencyGraph.WR));
        stats.put("rw-edges", graph.count(DependencyGraph.RW));
        stats.put("realtime-edges", graph.count(DependencyGraph.RT));
        stats.put("cycle-search", search.budgetSpent() ? "budget spent" : "complete");
        stats.put("cycles-not-shown", notShown);
        stats.put("elapsed-ms", (System.nanoTime() - began) / 1_000_000);

        String summary = txns.size() + " txns (" + ok + " ok, " + failed + " failed, " + (txns.size() - ok - failed)
                + " indeterminate) over " + stats.get("keys") + " keys, "
                + (realtime ? "strict serializability" : "serializability");
        if (search.budgetSpent()) {
            summary += "; the cycle search hit its budget, so some kinds of cycle may be unreported";
        }
        if (anomalies.isEmpty()) {
            return CheckResult.valid(name(), summary + ": valid", stats);
        }
        return CheckResult.invalid(name(), summary + ": " + countByType(anomalies), anomalies, stats);
    }

    /**
     * One anomaly per distinct cycle, at most {@link #CYCLES_SHOWN_PER_TYPE} per type, into
     * {@code out}; returns how many were left out.
     */
    private static int cycleAnomalies(List<int[]> cycles, CycleReport report, List<Anomaly> out) {
        Set<String> distinct = new HashSet<>();
        Map<String, Integer> perType = new LinkedHashMap<>();
        int hidden = 0;
        for (int[] cycle : cycles) {
            String type = report.type(cycle);
            int[] members = cycle.clone();
            Arrays.sort(members);
            if (!distinct.add(type + Arrays.toString(members))) {
                continue;
            }
            int shown = perType.merge(type, 1, Integer::sum);
            if (shown > CYCLES_SHOWN_PER_TYPE) {
                hidden++;
                continue;
            }
            out.add(report.anomaly(cycle));
        }
        return hidden;
    }

    private static int keys(List<Txn> txns) {
        Set<Object> keys = new HashSet<>();
        for (Txn t : txns) {
            for (MicroOp m : t.mops()) {
                keys.add(m.key());
            }
        }
        return keys.size();
    }

    private static String countByType(List<Anomaly> anomalies) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Anomaly a : anomalies) {
            counts.merge(a.type(), 1, Integer::sum);
        }
        StringBuilder b = new StringBuilder();
        counts.forEach((type, n) -> b.append(b.length() == 0 ? "" : ", ").append(type).append(" ×").append(n));
        return b.toString();
    }
}
