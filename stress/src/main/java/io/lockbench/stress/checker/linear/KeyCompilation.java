package io.lockbench.stress.checker.linear;

import io.lockbench.stress.history.History;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Compiles every key's {@link KeyHistory} with one pass over the history per core, each core
 * taking its share of the keys. Compiling key by key instead jumps across the whole history for
 * every key (its records are spread over hundreds of MB), a cache miss per record: that took most
 * of the check of a million-op, thousand-key history. In history order the records are read
 * as they lie in memory.
 */
final class KeyCompilation {

    /** One key compiled with its table, or (history null) why it could not be: the model refused an op. */
    record Compiled<S, O>(KeyHistory history, StepTable<S, O> table, String problem) {
    }

    private KeyCompilation() {
    }

    /** The keys of {@code parts}, compiled, in the same order. */
    static <S, O> List<Compiled<S, O>> compile(Model<S, O> model, History history, List<KeyPartition.Part> parts) {
        int[] partOf = new int[history.size()]; // nemesis records belong to no part
        Arrays.fill(partOf, -1);
        for (int i = 0; i < parts.size(); i++) {
            for (int p : parts.get(i).positions()) {
                partOf[p] = i;
            }
        }
        int cores = Math.max(1, Math.min(parts.size(), Runtime.getRuntime().availableProcessors()));
        @SuppressWarnings("unchecked")
        Compiled<S, O>[] compiled = new Compiled[parts.size()];
        IntStream.range(0, cores).parallel().forEach(core -> compileShare(model, history, parts, partOf, core, cores, compiled));
        return List.of(compiled);
    }

    /** The parts numbered {@code core}, {@code core + cores}, …: parts come largest first, so the shares are even. */
    private static <S, O> void compileShare(Model<S, O> model, History history, List<KeyPartition.Part> parts,
                                            int[] partOf, int core, int cores, Compiled<S, O>[] compiled) {
        int shareSize = (parts.size() - core + cores - 1) / cores;
        @SuppressWarnings("unchecked")
        KeyHistory.Builder<S, O>[] builders = new KeyHistory.Builder[shareSize];
        boolean[] failed = new boolean[shareSize];
        String[] problems = new String[shareSize];
        for (int j = 0; j < shareSize; j++) {
            builders[j] = new KeyHistory.Builder<>(history, new StepTable<>(model));
        }
        for (int p = 0; p < partOf.length; p++) {
            int part = partOf[p];
            if (part < 0 || part % cores != core) {
                continue;
            }
            int j = part / cores;
            if (failed[j]) {
                continue;
            }
            try {
                builders[j].add(p);
            } catch (IllegalArgumentException e) {
                failed[j] = true;
                problems[j] = e.getMessage();
            }
        }
        for (int j = 0; j < shareSize; j++) {
            int part = core + j * cores;
            KeyPartition.Part of = parts.get(part);
            compiled[part] = failed[j] ? new Compiled<>(null, null, problems[j])
                    : new Compiled<>(builders[j].build(of.key(), of.positions()), builders[j].table(), null);
        }
    }
}
