package io.lockbench.stress.checker.elle;

import io.lockbench.stress.checker.Anomaly;
import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.checker.Checker;
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
 * serializability, process edges for the strong session models: {@link TxnOrder}), and reports
 * anomalies under Elle's names: cycles as {@code G0}, {@code G1c}, {@code G-single-item},
 * {@code G-nonadjacent-item}, {@code G2-item} (with {@code -realtime} when a step is only
 * real-time order, {@code -process} when one is only process order), and {@code G1a},
 * {@code G1b}, {@code dirty-update}, {@code lost-update}, {@code duplicate-elements}, {@code incompatible-order}, {@code internal},
 * {@code future-read}; plus what Elle has no name for: {@code appends-reordered},
 * {@code wrong-key}, {@code unwritten-value}. Which of them make a history invalid depends on the
 * {@link ConsistencyModel}s checked (serializable by default).
 *
 * <p>Value conventions: {@code f} is {@code txn} (or absent); the value is a list of micro-ops
 * {@code ["append", k, v]} and {@code ["r", k, [v…]]}, the read list {@code nil} on the invocation
 * and filled in on {@code ok}. Values are unique per key. A failed transaction took no effect; one
 * of unknown outcome ({@code info}, or never completed) may have, and enters the graph through
 * whatever others read of it.
 */
public final class ListAppendChecker implements Checker {

    /** At most this many cycles of one type are reported; the rest are counted in the stats. */
    static final int CYCLES_SHOWN_PER_TYPE = 100;

    private final Set<ConsistencyModel> models;
    private final TxnOrder order;

    /** A serializability checker: data dependencies only. */
    public ListAppendChecker() {
        this(Set.of(ConsistencyModel.SERIALIZABLE));
    }

    /** A checker of the given models together (each must hold). */
    public ListAppendChecker(ConsistencyModel... models) {
        this(Set.of(models));
    }

    public ListAppendChecker(Set<ConsistencyModel> models) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("at least one consistency model to check");
        }
        this.models = java.util.EnumSet.copyOf(models);
        this.order = TxnOrder.neededBy(models);
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
        stats.put("realtime", order == TxnOrder.REALTIME);
        stats.put("process", order == TxnOrder.PROCESS);
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
        anomalies.addAll(DirtyUpdates.find(orders, appends));
        anomalies.addAll(LostUpdates.find(txns, MicroOp::append, MicroOp::read, "appended to"));

        DependencyGraph graph = Dependencies.build(txns, orders, appends, order, history);
        CycleSearch search = new CycleSearch(graph);
        List<int[]> cycles = search.run(order);
        int relations = order.relations();
        List<Anomaly> cycleAnomalies = new ArrayList<>();
        int notShown = cycleAnomalies(cycles, new CycleReport(graph, txns, new EdgeExplainer(orders, appends),
                relations), cycleAnomalies);
        anomalies.addAll(cycleAnomalies);

        return judge(name(), models, anomalies, stats, graph, search, notShown, txns.size(), ok, failed, began);
    }

    /** The graph's and the search's figures into {@code stats}, the summary line, and the verdict at {@code models}: the same for every transactional model. */
    static CheckResult judge(String checker, java.util.Set<ConsistencyModel> models, List<Anomaly> anomalies,
                             Map<String, Object> stats, DependencyGraph graph, CycleSearch search, int notShown,
                             int txns, long ok, long failed, long began) {
        stats.put("ww-edges", graph.count(DependencyGraph.WW));
        stats.put("wr-edges", graph.count(DependencyGraph.WR));
        stats.put("rw-edges", graph.count(DependencyGraph.RW));
        stats.put("realtime-edges", graph.count(DependencyGraph.RT));
        stats.put("process-edges", graph.count(DependencyGraph.PROCESS));
        stats.put("cycle-search", search.budgetSpent() ? "budget spent" : "complete");
        stats.put("cycles-not-shown", notShown);
        stats.put("elapsed-ms", (System.nanoTime() - began) / 1_000_000);

        String summary = txns + " txns (" + ok + " ok, " + failed + " failed, " + (txns - ok - failed)
                + " indeterminate) over " + stats.get("keys") + " keys";
        if (search.budgetSpent()) {
            summary += " (the cycle search hit its budget, so some kinds of cycle may be unreported)";
        }
        return ModelJudgement.judge(checker, models, anomalies, summary, stats);
    }

    /**
     * One anomaly per distinct cycle, at most {@link #CYCLES_SHOWN_PER_TYPE} per type, into
     * {@code out}; returns how many were left out.
     */
    static int cycleAnomalies(List<int[]> cycles, CycleReport report, List<Anomaly> out) {
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

    static int keys(List<Txn> txns) {
        Set<Object> keys = new HashSet<>();
        for (Txn t : txns) {
            for (MicroOp m : t.mops()) {
                keys.add(m.key());
            }
        }
        return keys.size();
    }
}
