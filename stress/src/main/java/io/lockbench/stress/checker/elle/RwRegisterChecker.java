package io.lockbench.stress.checker.elle;

import io.lockbench.stress.checker.Anomaly;
import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.checker.Checker;
import io.lockbench.stress.history.History;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Elle's rw-register model: transactions of {@code [:w k v]} and {@code [:r k v]} micro-ops over
 * registers that start {@code nil}, values unique per key written. A read shows one value, so the
 * version order of a key is known only in part ({@link RegisterVersions} says which part); from it
 * come the ww / wr / rw dependencies ({@link RegisterDependencies}), searched for cycles as for
 * list-append and named as Elle names them. Also {@code G1a}, {@code G1b}, {@code internal},
 * {@code future-read}, {@code lost-update}, {@code unwritten-value}; the verdict depends on the
 * {@link ConsistencyModel}s checked (serializable by default).
 */
public final class RwRegisterChecker implements Checker {

    private final Set<ConsistencyModel> models;
    private final TxnOrder order;

    public RwRegisterChecker() {
        this(Set.of(ConsistencyModel.SERIALIZABLE));
    }

    public RwRegisterChecker(Set<ConsistencyModel> models) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("at least one consistency model to check");
        }
        this.models = EnumSet.copyOf(models);
        this.order = TxnOrder.neededBy(models);
    }

    @Override
    public String name() {
        return "rw-register";
    }

    @Override
    public CheckResult check(History history) {
        long began = System.nanoTime();
        List<Anomaly> anomalies = new ArrayList<>();
        List<Txn> txns;
        List<RegisterTxnView> views;
        RegisterVersions versions;
        try {
            txns = RegisterTxnParser.parse(history);
            views = RegisterTxnView.of(txns, anomalies);
            versions = RegisterVersions.of(views);
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
        stats.put("keys", ListAppendChecker.keys(txns));
        stats.put("realtime", order == TxnOrder.REALTIME);
        stats.put("process", order == TxnOrder.PROCESS);
        if (ok == 0) {
            return CheckResult.unknown(name(), "nothing to check: no txn completed ok ("
                    + txns.size() + " txns in the history)", stats);
        }
        anomalies.addAll(versions.readAnomalies(views));
        anomalies.addAll(LostUpdates.find(txns, MicroOp::append,
                m -> m.read() == null ? null : m.read().isEmpty() ? "nil" : m.registerValue(), "wrote"));

        RegisterDependencies deps = RegisterDependencies.build(txns, views, versions, order, history);
        DependencyGraph graph = deps.graph();
        CycleSearch search = new CycleSearch(graph);
        List<int[]> cycles = search.run(order);
        int relations = order.relations();
        int notShown = ListAppendChecker.cycleAnomalies(cycles, new CycleReport(graph, txns, deps, relations),
                anomalies);

        return ListAppendChecker.judge(name(), models, anomalies, stats, graph, search, notShown, txns.size(), ok, failed, began);
    }
}
