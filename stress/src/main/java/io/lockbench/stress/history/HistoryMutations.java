package io.lockbench.stress.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Breaks a register history in ways no linearization can explain, to check that checkers notice.
 * Each change is provably non-linearizable, not merely unlikely to be.
 */
public final class HistoryMutations {

    /**
     * A mutated history and what was changed.
     *
     * @param history     the broken history
     * @param opIndex     the index of the completion that was changed
     * @param description what was done, for test messages
     */
    public record Mutation(History history, long opIndex, String description) {
    }

    private HistoryMutations() {
    }

    /**
     * Changes one ok read to return a value the register held earlier but cannot hold during the
     * read: every op that could write that value completed ok before another completed write
     * that began after them and finished before the read began. For {@code register} and
     * {@code cas-register} histories.
     */
    public static Optional<Mutation> staleRead(History history, Random random) {
        return staleRead(history, random, 0);
    }

    /**
     * As {@link #staleRead(History, Random)}, choosing among reads invoked after the first
     * {@code from} fraction of the history (0.9: the last tenth), to place the anomaly late.
     */
    public static Optional<Mutation> staleRead(History history, Random random, double from) {
        Map<Object, List<Integer>> invocationsByKey = invocationsByKey(history);
        List<Integer> reads = new ArrayList<>();
        int first = (int) (from * history.size());
        for (List<Integer> invocations : invocationsByKey.values()) {
            for (int p : invocations) {
                if (p < first) {
                    continue;
                }
                int q = history.partnerPosition(p);
                if (history.get(p).f().equals("read") && q >= 0 && history.get(q).isOk()) {
                    reads.add(p);
                }
            }
        }
        Collections.shuffle(reads, random);
        for (int attempt = 0; attempt < Math.min(reads.size(), 500); attempt++) {
            int read = reads.get(attempt);
            Optional<Object> stale = staleValueFor(history, invocationsByKey.get(history.get(read).key()), read);
            if (stale.isPresent()) {
                int q = history.partnerPosition(read);
                Op before = history.get(q);
                return Optional.of(replace(history, q, before.withValue(stale.get()),
                        "read at op " + before.index() + " changed from " + before.value() + " to stale " + stale.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * Changes one ok read to return a value nobody ever wrote ({@code -1}, or lower if that was
     * written). For register histories the read value is replaced; for versioned ones
     * ({@code [version value]}) the value part.
     */
    public static Optional<Mutation> neverWrittenRead(History history, Random random) {
        return neverWrittenRead(history, random, 0);
    }

    /** As {@link #neverWrittenRead(History, Random)}, among reads after the first {@code from} fraction. */
    public static Optional<Mutation> neverWrittenRead(History history, Random random, double from) {
        Set<Object> written = new HashSet<>();
        int first = (int) (from * history.size());
        List<Integer> reads = new ArrayList<>();
        for (int p = 0; p < history.size(); p++) {
            Op op = history.get(p);
            if (op.isInvoke() && op.value() != null) {
                written.add(op.value());
                if (op.value() instanceof List<?> l) {
                    written.addAll(l);
                }
            }
            if (op.isOk() && op.f().equals("read") && p >= first) {
                reads.add(p);
            }
        }
        if (reads.isEmpty()) {
            return Optional.empty();
        }
        long fresh = -1;
        while (written.contains(fresh)) {
            fresh--;
        }
        int q = reads.get(random.nextInt(reads.size()));
        Op before = history.get(q);
        Object value = before.value() instanceof List<?> pair && pair.size() == 2
                ? java.util.Arrays.asList(pair.get(0), fresh) : (Object) fresh;
        return Optional.of(replace(history, q, before.withValue(value),
                "read at op " + before.index() + " changed from " + before.value() + " to never-written " + value));
    }

    private static Mutation replace(History history, int position, Op op, String description) {
        List<Op> ops = new ArrayList<>(history.ops());
        ops.set(position, op);
        return new Mutation(new History(ops), op.index(), description);
    }

    private static Map<Object, List<Integer>> invocationsByKey(History history) {
        Map<Object, List<Integer>> byKey = new HashMap<>();
        for (int p = 0; p < history.size(); p++) {
            Op op = history.get(p);
            if (op.isInvoke() && op.process() != Op.NEMESIS) {
                byKey.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(p);
            }
        }
        return byKey;
    }

    /** The value an op leaves if it takes effect, or empty for a read. */
    private static Optional<Object> written(Op invocation) {
        return switch (invocation.f()) {
            case "write" -> Optional.ofNullable(invocation.value());
            case "cas" -> invocation.value() instanceof List<?> l && l.size() == 2
                    ? Optional.ofNullable(l.get(1)) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<Object> staleValueFor(History history, List<Integer> invocations, int read) {
        int readComplete = history.partnerPosition(read);
        Object observed = history.get(readComplete).value();
        // Completed writers that finished before the read began, latest invocation first: any of
        // them that began after every writer of v finished overwrote v for good.
        List<Integer> overwriters = new ArrayList<>();
        Map<Object, List<Integer>> writers = new HashMap<>();
        for (int p : invocations) {
            Optional<Object> value = written(history.get(p));
            int q = history.partnerPosition(p);
            if (value.isEmpty() || q >= 0 && history.get(q).isFail()) {
                continue;
            }
            if (p < readComplete) {
                writers.computeIfAbsent(value.get(), v -> new ArrayList<>()).add(p);
            }
            if (q >= 0 && history.get(q).isOk() && q < read) {
                overwriters.add(p);
            }
        }
        Collections.reverse(overwriters);
        for (Map.Entry<Object, List<Integer>> e : writers.entrySet()) {
            Object v = e.getKey();
            if (Objects.equals(v, observed)) {
                continue;
            }
            int lastCompletion = -1;
            boolean allCompleted = true;
            for (int p : e.getValue()) {
                int q = history.partnerPosition(p);
                if (q < 0 || !history.get(q).isOk()) {
                    allCompleted = false;
                    break;
                }
                lastCompletion = Math.max(lastCompletion, q);
            }
            if (!allCompleted) {
                continue;
            }
            for (int p : overwriters) {
                if (p < lastCompletion) {
                    break;
                }
                if (!Objects.equals(written(history.get(p)).orElse(null), v)) {
                    return Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }
}
