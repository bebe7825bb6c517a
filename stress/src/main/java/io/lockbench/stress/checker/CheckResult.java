package io.lockbench.stress.checker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a checker concluded about a history.
 *
 * @param checker   the checker's name
 * @param verdict   valid / invalid / unknown
 * @param summary   one line for humans ("3 keys, 10,000 ops: linearizable")
 * @param anomalies evidence when invalid; empty otherwise
 * @param stats     numbers worth reporting (ops, keys, states explored, elapsed ms …), in order
 */
public record CheckResult(String checker, Verdict verdict, String summary, List<Anomaly> anomalies,
                          Map<String, Object> stats) {

    public CheckResult {
        anomalies = List.copyOf(anomalies);
        stats = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stats));
    }

    public static CheckResult valid(String checker, String summary, Map<String, Object> stats) {
        return new CheckResult(checker, Verdict.VALID, summary, List.of(), stats);
    }

    public static CheckResult invalid(String checker, String summary, List<Anomaly> anomalies,
                                      Map<String, Object> stats) {
        return new CheckResult(checker, Verdict.INVALID, summary, anomalies, stats);
    }

    public static CheckResult unknown(String checker, String reason, Map<String, Object> stats) {
        return new CheckResult(checker, Verdict.UNKNOWN, reason, List.of(), stats);
    }

    public boolean isValid() {
        return verdict == Verdict.VALID;
    }
}
