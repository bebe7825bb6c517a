package io.lockbench.stress.workload;

import io.lockbench.api.Completion;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Version numbering of files, judged by the {@code sequence} checker.
 *
 * <ul>
 *   <li>{@code append}: value a payload unique per file ({@code w<worker>-<n>}); creates the file
 *       at version 1 if it does not exist, else adds the next version; ok value the version
 *       number it got;</li>
 *   <li>{@code read}: ok value {@code [[version, payload] …]} in version order ({@code []} for a
 *       file that does not exist). The final read of each file runs after the main phase.</li>
 * </ul>
 */
final class SequenceWorkload extends KeyedWorkload {

    static final Map<String, Double> MIX = Workloads.weights("append", 9.0, "read", 1.0);

    private final OpMix mix;

    SequenceWorkload(WorkloadSpec spec) {
        super("sequence", "file-", MIX, spec);
        this.mix = Workloads.mix(MIX, spec);
    }

    @Override
    public List<CheckerUse> checkers() {
        return List.of(new CheckerUse("sequence", Set.of("append", "read")));
    }

    @Override
    public Generator generator(int worker, Random random) {
        return new Generator() {
            private long appended;

            @Override
            public OpSpec next() {
                String key = chooser.next(random);
                if (mix.next(random).equals("read")) {
                    return new OpSpec("read", key, null);
                }
                return new OpSpec("append", key, "w" + worker + "-" + (++appended));
            }

            @Override
            public void completed(OpSpec op, Completion completion) {
            }
        };
    }

    @Override
    public List<OpSpec> finalOps() {
        return eachKey("read");
    }

    @Override
    public Set<String> readOnlyOperations() {
        return Set.of("read");
    }
}
