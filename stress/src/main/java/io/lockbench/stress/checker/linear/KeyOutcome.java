package io.lockbench.stress.checker.linear;

import io.lockbench.stress.checker.Verdict;
import java.util.List;

/**
 * What the search concluded for one key.
 *
 * @param key                the key ({@code null} for a single-register history)
 * @param verdict            valid / invalid / unknown
 * @param reason             why unknown (budget spent, op the model cannot read), else null
 * @param failure            the evidence when invalid, else null
 * @param operations         ops searched (fail ops and indeterminate reads are left out)
 * @param configurations     configurations generated
 * @param cacheHits          configurations generated again and recognised
 * @param peakConfigurations most configurations held at once
 */
record KeyOutcome(Object key, Verdict verdict, String reason, Failure failure, int operations,
                  long configurations, long cacheHits, int peakConfigurations) {

    static KeyOutcome unknown(Object key, String reason) {
        return new KeyOutcome(key, Verdict.UNKNOWN, reason, null, 0, 0, 0, 0);
    }

    /** This outcome, with the work of an earlier search of the same key added to its counts. */
    KeyOutcome plus(KeyOutcome earlier) {
        return new KeyOutcome(key, verdict, reason, failure, operations, configurations + earlier.configurations,
                cacheHits + earlier.cacheHits, Math.max(peakConfigurations, earlier.peakConfigurations));
    }

    /**
     * The op that could not be linearized and what the search had reached, Knossos style.
     *
     * @param invokePosition   history position of the op's invocation
     * @param completePosition history position of its ok completion
     * @param configurations   the configurations reachable just before it returned (a sample)
     * @param totalConfigurations how many there were
     * @param windowStart      history position where the ops that explain the failure begin:
     *                         the earliest invocation among the ops still pending and the ops
     *                         that set the states reached
     */
    record Failure(int invokePosition, int completePosition, List<Configuration> configurations,
                   int totalConfigurations, int windowStart) {
    }

    /**
     * One configuration the search reached.
     *
     * @param state        the model state, as the model prints it
     * @param linearized   invocation positions of pending ops already linearized
     * @param pending      invocation positions of pending ops not yet linearized
     * @param indeterminate indeterminate ops already used, as the model prints them
     */
    record Configuration(String state, List<Integer> linearized, List<Integer> pending, List<String> indeterminate) {
    }
}
