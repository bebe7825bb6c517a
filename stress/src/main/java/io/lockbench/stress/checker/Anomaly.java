package io.lockbench.stress.checker;

import io.lockbench.stress.history.Op;
import java.util.List;

/**
 * One thing a checker found wrong, with the operations that show it.
 *
 * @param type        a short stable name: {@code nonlinearizable}, {@code duplicate-version},
 *                    {@code two-holders}, {@code G1c} …
 * @param description one or two sentences a user can act on
 * @param ops         the evidence, in history order (for a cycle: the transactions of the cycle)
 */
public record Anomaly(String type, String description, List<Op> ops) {
    public Anomaly {
        ops = List.copyOf(ops);
    }
}
