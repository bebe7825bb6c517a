package io.lockbench.reports;

import java.util.List;
import java.util.Optional;

/**
 * The recommendation for one backend and contention level (keys, at the most threads measured).
 *
 * @param ranked     the correct strategies measured there, best first
 * @param excluded   correct strategies left out, each with why (a stress run found it invalid)
 * @param text       the recommendation in one paragraph, with the numbers that decide it
 */
public record Advice(String backend, String keys, int threads, Decision decision, List<Candidate> ranked,
                     List<String> excluded, String text) {

    public Optional<Candidate> best() {
        return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.get(0));
    }
}
