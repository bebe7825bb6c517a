package io.lockbench.stress.runner;

import io.lockbench.impl.catalog.ExpectedAnomaly;
import io.lockbench.impl.catalog.Variant;
import io.lockbench.stress.checker.Anomaly;
import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.checker.Verdict;
import io.lockbench.stress.history.Op;
import io.lockbench.stress.scenario.Scenario;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Assembles a run's {@link RunResults} from what the run recorded. */
final class Results {

    /** At most this many ops of evidence per anomaly in results.json; the history holds them all. */
    static final int MAX_EVIDENCE_OPS = 20;
    /** At most this many anomalies per checker in results.json. */
    static final int MAX_ANOMALIES = 20;

    private Results() {
    }

    static RunResults.CheckerOutcome outcome(String model, CheckResult r) {
        List<RunResults.AnomalyFound> anomalies = new ArrayList<>();
        for (Anomaly a : listed(r.anomalies())) {
            List<Map<String, Object>> ops = new ArrayList<>();
            for (Op op : a.ops().subList(0, Math.min(MAX_EVIDENCE_OPS, a.ops().size()))) {
                ops.add(opMap(op));
            }
            anomalies.add(new RunResults.AnomalyFound(a.type(), a.description(), ops));
        }
        Map<String, Object> stats = new LinkedHashMap<>(r.stats());
        if (r.anomalies().size() > MAX_ANOMALIES) {
            stats.put("anomalies-not-listed", r.anomalies().size() - MAX_ANOMALIES);
            Map<String, Integer> byType = new java.util.TreeMap<>();
            r.anomalies().forEach(a -> byType.merge(a.type(), 1, Integer::sum));
            stats.put("anomalies-by-type", byType);
        }
        return new RunResults.CheckerOutcome(model, lower(r.verdict()), r.summary(), anomalies, stats);
    }

    /**
     * The anomalies results.json lists: the first of every type, then the rest in order, at most
     * {@link #MAX_ANOMALIES}; so a type found late (the declared one, say) is never hidden by many of another.
     */
    static List<Anomaly> listed(List<Anomaly> all) {
        if (all.size() <= MAX_ANOMALIES) {
            return all;
        }
        java.util.Set<String> types = new java.util.HashSet<>();
        java.util.Set<Integer> chosen = new java.util.TreeSet<>();
        for (int i = 0; i < all.size() && chosen.size() < MAX_ANOMALIES; i++) {
            if (types.add(all.get(i).type())) {
                chosen.add(i);
            }
        }
        for (int i = 0; i < all.size() && chosen.size() < MAX_ANOMALIES; i++) {
            chosen.add(i);
        }
        return chosen.stream().map(all::get).toList();
    }

    static Map<String, Object> opMap(Op op) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", op.index());
        m.put("type", op.type().wireName());
        m.put("process", op.process() == Op.NEMESIS ? "nemesis" : op.process());
        m.put("f", op.f());
        if (op.key() != null) {
            m.put("key", op.key());
        }
        m.put("value", op.value());
        m.put("time", op.time());
        if (op.error() != null) {
            m.put("error", op.error());
        }
        return m;
    }

    static RunResults of(Scenario s, Variant variant, TargetDatabase target, RunOptions options, Instant startedAt,
                         double mainSeconds, Verdict verdict, boolean cutShort, List<RunResults.CheckerOutcome> checkers,
                         OpStats stats, List<RunResults.FaultInterval> faults, List<String> problems) {
        long ok = 0;
        long fail = 0;
        long info = 0;
        Map<String, RunResults.Outcomes> byF = new LinkedHashMap<>();
        Map<String, RunResults.Latency> latency = new LinkedHashMap<>();
        for (Map.Entry<String, OpStats.PerOp> e : stats.byOp.entrySet()) {
            OpStats.PerOp p = e.getValue();
            ok += p.ok;
            fail += p.fail;
            info += p.info;
            byF.put(e.getKey(), new RunResults.Outcomes(p.ok, p.fail, p.info));
            latency.put(e.getKey(), latency(p.micros));
        }
        long total = ok + fail + info;
        Map<String, RunResults.ErrorCount> byKind = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : stats.byErrorKind.entrySet()) {
            long[] n = e.getValue();
            byKind.put(e.getKey(), new RunResults.ErrorCount(n[0], n[1], total == 0 ? 0 : round4((double) (n[0] + n[1]) / total)));
        }
        String expected = s.expectedOn(s.backend());
        Boolean asExpected = expected == null || cutShort ? null
                : expected.equals(lower(verdict)) && (s.anomaly() == null || !expected.equals("invalid")
                        || checkers.stream().flatMap(c -> c.anomalies().stream()).anyMatch(a -> a.type().equals(s.anomaly())));
        String serverSource = target.backend() == io.lockbench.impl.db.Backend.SQLITE ? "file" : options.serverSource();
        return new RunResults(RunResults.FORMAT, s.name(), s.description(),
                variant != null ? variant.cliName() : s.client() != null ? s.client() : s.sql() != null ? "sql" : null,
                variant != null ? variant.strategy().displayName() : null,
                variant != null && variant.isBroken(),
                variant == null ? null : variant.expectedAnomaly().map(ExpectedAnomaly::displayName).orElse(null),
                s.backend(), new RunResults.Server(target.serverVersion(), serverSource, target.describe()), s.seed(),
                startedAt.toString(), round4(mainSeconds), s.clients(), lower(verdict), expected, asExpected,
                cutShort ? "interrupted" : null, checkers, new RunResults.OpCounts(total, ok, fail, info, byF), byKind,
                new RunResults.Throughput(round4(total / Math.max(1e-9, mainSeconds)), round4(ok / Math.max(1e-9, mainSeconds))),
                latency, faults, problems.isEmpty() ? null : List.copyOf(problems), environment(options));
    }

    private static RunResults.Latency latency(Histogram h) {
        return new RunResults.Latency(h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
                ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()),
                round4(h.getMean() / 1000.0));
    }

    static RunResults.Environment environment(RunOptions options) {
        String version = Results.class.getPackage().getImplementationVersion();
        return new RunResults.Environment(version == null ? "dev" : version,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), options.command());
    }

    private static double ms(long micros) {
        return round4(micros / 1000.0);
    }

    private static double round4(double v) {
        return Math.round(v * 10_000.0) / 10_000.0;
    }

    static String lower(Verdict v) {
        return v.name().toLowerCase(Locale.ROOT);
    }
}
