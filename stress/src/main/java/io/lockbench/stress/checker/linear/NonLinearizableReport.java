package io.lockbench.stress.checker.linear;

import io.lockbench.stress.checker.Anomaly;
import io.lockbench.stress.history.History;
import io.lockbench.stress.history.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns a failed search into evidence a user can read, Knossos style: the op that cannot be
 * linearized, the configurations the search had reached just before it returned, and the window
 * of ops that explains it (with the shortest non-linearizable prefix of the key's history).
 */
final class NonLinearizableReport {

    static final String TYPE = "nonlinearizable";
    /** Records beyond this are cut from the start of the window. */
    private static final int MAX_WINDOW_RECORDS = 60;

    private NonLinearizableReport() {
    }

    static Anomaly anomaly(History history, KeyPartition.Part part, KeyOutcome.Failure f) {
        Op op = history.get(f.invokePosition());
        Op completion = history.get(f.completePosition());
        int prefixOps = 0;
        for (int p : part.positions()) {
            if (p < f.completePosition() && history.get(p).isInvoke()) {
                prefixOps++;
            }
        }
        List<Op> window = window(history, part, f);
        StringBuilder b = new StringBuilder();
        b.append(describe(op, completion)).append(" by process ").append(op.process())
                .append(" (invoked at op ").append(op.index()).append(", ok at op ").append(completion.index())
                .append(") cannot be linearized");
        if (part.key() != null) {
            b.append(" on key ").append(part.key());
        }
        b.append(". Shortest non-linearizable prefix: the first ").append(prefixOps)
                .append(" ops of the key, through op ").append(completion.index())
                .append("; window: ops ").append(window.get(0).index()).append('-').append(completion.index())
                .append(". Configurations reachable just before it returned (")
                .append(f.totalConfigurations()).append("):");
        for (KeyOutcome.Configuration c : f.configurations()) {
            b.append("\n  state ").append(c.state())
                    .append("; linearized: ").append(ops(history, c.linearized()))
                    .append("; not yet: ").append(ops(history, c.pending()));
            if (!c.indeterminate().isEmpty()) {
                List<String> used = c.indeterminate();
                b.append("; taken to have happened: ").append(used.size()).append(used.size() == 1 ? " indeterminate op (" : " indeterminate ops (")
                        .append(used.size() > 3 ? "latest: " : "")
                        .append(String.join(", ", used.subList(Math.max(0, used.size() - 3), used.size()))).append(')');
            }
        }
        if (f.totalConfigurations() > f.configurations().size()) {
            b.append("\n  ... and ").append(f.totalConfigurations() - f.configurations().size()).append(" more");
        }
        return new Anomaly(TYPE, b.toString(), window);
    }

    /** The key's records from the window start to the failing completion, with their invocations. */
    private static List<Op> window(History history, KeyPartition.Part part, KeyOutcome.Failure f) {
        TreeSet<Integer> positions = new TreeSet<>();
        for (int p : part.positions()) {
            if (p >= f.windowStart() && p <= f.completePosition()) {
                positions.add(p);
                int partner = history.partnerPosition(p);
                if (partner >= 0 && partner < p) {
                    positions.add(partner);
                }
            }
        }
        while (positions.size() > MAX_WINDOW_RECORDS && positions.first() != f.invokePosition()) {
            positions.pollFirst();
        }
        List<Op> ops = new ArrayList<>(positions.size());
        for (int p : positions) {
            ops.add(history.get(p));
        }
        return ops;
    }

    private static String ops(History history, List<Integer> invokePositions) {
        if (invokePositions.isEmpty()) {
            return "none";
        }
        List<String> out = new ArrayList<>();
        for (int p : invokePositions) {
            Op inv = history.get(p);
            int q = history.partnerPosition(p);
            out.add("op " + inv.index() + " " + describe(inv, q < 0 ? null : history.get(q)));
        }
        return String.join(", ", out);
    }

    private static String describe(Op invocation, Op completion) {
        Object value = completion != null && completion.isOk() && completion.value() != null
                ? completion.value() : invocation.value();
        return invocation.f() + " " + (value == null ? "nil" : value);
    }
}
