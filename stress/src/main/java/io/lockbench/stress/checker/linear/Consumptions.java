package io.lockbench.stress.checker.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which indeterminate ({@code info}) ops a configuration has used up, as interned multisets.
 *
 * <p>Indeterminate ops that are the same op (same f, same values) are interchangeable once
 * invoked — each may take effect at any later time — so a configuration records only how many
 * of each kind it used, not which. That symmetry keeps configurations from multiplying with the
 * number of {@code info} ops. Id 0 is the empty multiset.
 */
final class Consumptions {

    static final int NONE = 0;

    /** Per id: sorted (kind, count) pairs, flattened. */
    private final List<int[]> sets = new ArrayList<>();
    /** Per id: how many ops it holds in all. */
    private int[] totals = new int[64];
    private final Map<Key, Integer> ids = new HashMap<>();
    private final LongIntMap plus = new LongIntMap(64);

    Consumptions() {
        intern(new int[0]);
    }

    /** {@code id} with one more of {@code kind}. */
    int plus(int id, int kind) {
        long memoKey = ((long) id << 32) | kind;
        int cached = plus.get(memoKey);
        if (cached != LongIntMap.ABSENT) {
            return cached;
        }
        int[] pairs = sets.get(id);
        int at = find(pairs, kind);
        int[] next;
        if (at >= 0) {
            next = pairs.clone();
            next[at + 1]++;
        } else {
            next = new int[pairs.length + 2];
            int i = 0;
            int j = 0;
            while (i < pairs.length && pairs[i] < kind) {
                next[j++] = pairs[i++];
                next[j++] = pairs[i++];
            }
            next[j++] = kind;
            next[j++] = 1;
            while (i < pairs.length) {
                next[j++] = pairs[i++];
            }
        }
        int result = intern(next);
        plus.put(memoKey, result);
        return result;
    }

    /** How many indeterminate ops {@code id} used in all. */
    int total(int id) {
        return totals[id];
    }

    /** How many of {@code kind} {@code id} has used. */
    int count(int id, int kind) {
        int[] pairs = sets.get(id);
        int at = find(pairs, kind);
        return at < 0 ? 0 : pairs[at + 1];
    }

    /** Whether multiset {@code a} is contained in {@code b} (b used everything a did, and maybe more). */
    boolean containedIn(int a, int b) {
        if (a == b || a == NONE) {
            return true;
        }
        int[] pa = sets.get(a);
        int[] pb = sets.get(b);
        for (int i = 0; i < pa.length; i += 2) {
            int at = find(pb, pa[i]);
            if (at < 0 || pb[at + 1] < pa[i + 1]) {
                return false;
            }
        }
        return true;
    }

    /** The (kind, count) pairs of {@code id}, flattened and sorted by kind. */
    int[] pairs(int id) {
        return sets.get(id).clone();
    }

    int size() {
        return sets.size();
    }

    private static int find(int[] pairs, int kind) {
        int lo = 0;
        int hi = pairs.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int k = pairs[mid * 2];
            if (k < kind) {
                lo = mid + 1;
            } else if (k > kind) {
                hi = mid - 1;
            } else {
                return mid * 2;
            }
        }
        return -1;
    }

    private int intern(int[] pairs) {
        Key key = new Key(pairs);
        Integer id = ids.get(key);
        if (id == null) {
            id = sets.size();
            sets.add(pairs);
            ids.put(key, id);
            if (id == totals.length) {
                totals = Arrays.copyOf(totals, id * 2);
            }
            int total = 0;
            for (int i = 1; i < pairs.length; i += 2) {
                total += pairs[i];
            }
            totals[id] = total;
        }
        return id;
    }

    private record Key(int[] pairs) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(pairs, k.pairs);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(pairs);
        }
    }
}
