package io.lockbench.stress.workload;

import io.lockbench.api.Completion;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Optimistic locking on versioned records, judged by the {@code versioned} linearizability model.
 *
 * <ul>
 *   <li>{@code read}: value {@code nil}; ok value {@code [version, content]}, {@code [0, nil]} for a
 *       record that does not exist yet;</li>
 *   <li>{@code write}: value {@code [expectedVersion, content]}: write {@code content} only if the
 *       record is still at {@code expectedVersion} (0: create it); ok when written, fail when the
 *       version had moved on.</li>
 * </ul>
 * A worker writes from the version it last read or wrote, and re-reads after a failed write: the
 * optimistic retry loop, spread over operations so that the history shows every attempt. Contents
 * are unique ({@code w<worker>-<n>}), so a lost update shows as two ok writes from one version.
 */
final class RegisterWorkload extends KeyedWorkload {

    static final Map<String, Double> MIX = Workloads.weights("read", 1.0, "write", 1.0);

    private final OpMix mix;

    RegisterWorkload(WorkloadSpec spec) {
        super("register", "r", MIX, spec);
        this.mix = Workloads.mix(MIX, spec);
    }

    @Override
    public List<CheckerUse> checkers() {
        return List.of(new CheckerUse("versioned", Set.of("read", "write")));
    }

    @Override
    public Generator generator(int worker, Random random) {
        VersionedWrites writes = new VersionedWrites(worker);
        return new Generator() {
            @Override
            public OpSpec next() {
                return writes.next(chooser.next(random), mix.next(random).equals("read"));
            }

            @Override
            public void completed(OpSpec op, Completion c) {
                writes.completed(op, c);
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
