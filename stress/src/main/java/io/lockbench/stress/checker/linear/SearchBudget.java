package io.lockbench.stress.checker.linear;

import java.time.Duration;

/**
 * How much a linearizability search may spend before it answers "unknown" rather than guess.
 *
 * @param timeLimit         wall-clock time for the whole history (all keys)
 * @param maxConfigurations configurations one key's search may hold at once (its memory: about
 *                          40 bytes each)
 */
public record SearchBudget(Duration timeLimit, int maxConfigurations) {

    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_CONFIGURATIONS = 1_000_000;

    public SearchBudget {
        if (timeLimit.isNegative()) {
            throw new IllegalArgumentException("timeLimit must not be negative, was " + timeLimit);
        }
        if (maxConfigurations < 1) {
            throw new IllegalArgumentException("maxConfigurations must be at least 1, was " + maxConfigurations);
        }
    }

    public static SearchBudget defaults() {
        return new SearchBudget(DEFAULT_TIME_LIMIT, DEFAULT_MAX_CONFIGURATIONS);
    }

    public SearchBudget withTimeLimit(Duration limit) {
        return new SearchBudget(limit, maxConfigurations);
    }

    public SearchBudget withMaxConfigurations(int max) {
        return new SearchBudget(timeLimit, max);
    }
}
