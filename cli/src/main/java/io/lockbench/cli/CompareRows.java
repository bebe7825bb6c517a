package io.lockbench.cli;

import io.lockbench.impl.catalog.Strategy;
import io.lockbench.impl.db.Backend;
import io.lockbench.stress.detection.DetectionTable;
import java.util.List;

/**
 * The detection rows {@code lockbench compare} runs on a backend: all of them with {@code --full};
 * with {@code --quick} every variant (each correct strategy and its twins) with no fault and under
 * the one fault that tells most about its strategy.
 */
final class CompareRows {

    private CompareRows() {
    }

    static List<DetectionTable.Row> of(Backend backend, boolean quick) {
        return DetectionTable.rows().stream().filter(r -> r.backends().contains(backend))
                .filter(r -> !quick || r.fault().equals(DetectionTable.NO_FAULT)
                        || r.fault().equals(quickFault(r.variant().strategy())))
                .toList();
    }

    /**
     * Claims are about holders that stall (a pause past the stale threshold is where fencing
     * matters); the others about connections that die mid-transaction.
     */
    static String quickFault(Strategy strategy) {
        return strategy == Strategy.PESSIMISTIC_CLAIMS ? "pause-client" : "kill-connections";
    }
}
