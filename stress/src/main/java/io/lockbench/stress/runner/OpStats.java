package io.lockbench.stress.runner;

import io.lockbench.api.Completion;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * One worker's counts and latencies, by operation: kept per worker so recording takes no lock,
 * merged when the run ends.
 */
final class OpStats {

    /** Per f: completions by outcome and latency (µs). */
    final Map<String, PerOp> byOp = new TreeMap<>();
    /** Failed or unknown completions by error kind ({@code BUSY}, {@code REJECTED} …), over all fs. */
    final Map<String, long[]> byErrorKind = new TreeMap<>();

    static final class PerOp {
        long ok;
        long fail;
        long info;
        final Histogram micros = new Histogram(3);
    }

    synchronized void record(String f, Completion c, long nanos) {
        PerOp p = byOp.computeIfAbsent(f, k -> new PerOp());
        switch (c.outcome()) {
            case OK -> p.ok++;
            case FAIL -> p.fail++;
            case INFO -> p.info++;
        }
        p.micros.recordValue(Math.max(0, nanos / 1_000));
        if (!c.isOk()) {
            String kind = c.errorKind() == null ? "OTHER" : c.errorKind();
            long[] n = byErrorKind.computeIfAbsent(kind, k -> new long[2]);
            n[c.isFail() ? 0 : 1]++;
        }
    }

    void addAll(OpStats other) {
        synchronized (other) {
            merge(other);
        }
    }

    private void merge(OpStats other) {
        other.byOp.forEach((f, o) -> {
            PerOp p = byOp.computeIfAbsent(f, k -> new PerOp());
            p.ok += o.ok;
            p.fail += o.fail;
            p.info += o.info;
            p.micros.add(o.micros);
        });
        other.byErrorKind.forEach((k, v) -> {
            long[] n = byErrorKind.computeIfAbsent(k, x -> new long[2]);
            n[0] += v[0];
            n[1] += v[1];
        });
    }
}
