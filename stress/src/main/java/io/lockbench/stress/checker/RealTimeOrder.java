package io.lockbench.stress.checker;

import io.lockbench.stress.history.History;
import io.lockbench.stress.history.History.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The real-time order of a history: operation A precedes B when A completed before B was invoked.
 *
 * <p>Records are ordered by {@link io.lockbench.stress.history.Op#time()}, and by their position
 * in the history where times are equal (a history without times, all equal, is ordered by
 * position alone). Each record gets a rank in that order, so comparisons are cheap.
 *
 * <p>Only an {@code ok} completion bounds when an operation took effect: a {@code fail} never
 * took effect and an {@code info} (or a missing completion) may take effect at any time after its
 * invocation. Such operations precede nothing: their {@link #completed completion rank} is
 * {@link Integer#MAX_VALUE}.
 */
public final class RealTimeOrder {

    /** Rank of a completion that never bounds anything. */
    public static final int NEVER = Integer.MAX_VALUE;

    private final int[] rank;

    private RealTimeOrder(int[] rank) {
        this.rank = rank;
    }

    public static RealTimeOrder of(History history) {
        int n = history.size();
        int[] rank = new int[n];
        boolean sortedByTime = true;
        for (int i = 1; i < n && sortedByTime; i++) {
            sortedByTime = history.get(i - 1).time() <= history.get(i).time();
        }
        if (sortedByTime) {
            for (int i = 0; i < n; i++) {
                rank[i] = i;
            }
            return new RealTimeOrder(rank);
        }
        // Records out of time order (merged logs): rank by (time, position).
        Integer[] byTime = new Integer[n];
        for (int i = 0; i < n; i++) {
            byTime[i] = i;
        }
        java.util.Arrays.sort(byTime, Comparator.<Integer>comparingLong(p -> history.get(p).time())
                .thenComparingInt(p -> p));
        for (int r = 0; r < n; r++) {
            rank[byTime[r]] = r;
        }
        return new RealTimeOrder(rank);
    }

    /** Rank of the record at a history position. */
    public int rankOf(int position) {
        return rank[position];
    }

    public int invoked(Operation op) {
        return rank[op.invokePosition()];
    }

    /** Rank of the {@code ok} completion, or {@link #NEVER} if the operation did not complete ok. */
    public int completed(Operation op) {
        return op.ok() ? rank[op.completePosition()] : NEVER;
    }

    /** Whether {@code a} certainly took effect before {@code b} could have. */
    public boolean precedes(Operation a, Operation b) {
        return completed(a) < invoked(b);
    }

    /** An operation with the number (version, token) a real-time rule is about. */
    public record Valued<T>(T item, Operation operation, long value) {
    }

    /** {@code earlier} precedes {@code later} in real time, yet its number is not smaller. */
    public record Inversion<T>(Valued<T> earlier, Valued<T> later) {
    }

    /**
     * For every {@code later} item, whether some {@code earlier} item that precedes it has a
     * greater number ({@code allowEqual}) or a greater-or-equal one ({@code !allowEqual}). The
     * witness is the greatest such number. One sweep, O(n log n).
     */
    public <T> List<Inversion<T>> inversions(List<Valued<T>> earlier, List<Valued<T>> later,
                                             boolean allowEqual) {
        List<Valued<T>> byCompletion = new ArrayList<>(earlier);
        byCompletion.removeIf(v -> completed(v.operation()) == NEVER);
        byCompletion.sort(Comparator.comparingInt(v -> completed(v.operation())));
        List<Valued<T>> byInvocation = new ArrayList<>(later);
        byInvocation.sort(Comparator.comparingInt(v -> invoked(v.operation())));

        List<Inversion<T>> out = new ArrayList<>();
        Valued<T> greatest = null;
        int next = 0;
        for (Valued<T> b : byInvocation) {
            int start = invoked(b.operation());
            while (next < byCompletion.size() && completed(byCompletion.get(next).operation()) < start) {
                Valued<T> a = byCompletion.get(next++);
                if (greatest == null || a.value() > greatest.value()) {
                    greatest = a;
                }
            }
            if (greatest != null && (greatest.value() > b.value() || (!allowEqual && greatest.value() == b.value()))) {
                out.add(new Inversion<>(greatest, b));
            }
        }
        return out;
    }
}
