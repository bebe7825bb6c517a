package io.lockbench.stress.checker.linear;

import java.util.Arrays;

/**
 * An open-addressing hash map from non-negative {@code long} to {@code int}: the step memo's
 * table, where a {@code HashMap<Long, Integer>} would allocate on every lookup.
 */
final class LongIntMap {

    /** Returned by {@link #get} for an absent key. */
    static final int ABSENT = Integer.MIN_VALUE;

    /** Keys are stored plus one, so 0 marks an empty slot. */
    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
    }

    int get(long key) {
        long stored = key + 1;
        int slot = slot(key);
        while (true) {
            long k = keys[slot];
            if (k == stored) {
                return values[slot];
            }
            if (k == 0) {
                return ABSENT;
            }
            slot = (slot + 1) & mask;
        }
    }

    void put(long key, int value) {
        long stored = key + 1;
        int slot = slot(key);
        while (true) {
            long k = keys[slot];
            if (k == stored) {
                values[slot] = value;
                return;
            }
            if (k == 0) {
                keys[slot] = stored;
                values[slot] = value;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    void clear() {
        Arrays.fill(keys, 0);
        size = 0;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                put(oldKeys[i] - 1, oldValues[i]);
            }
        }
    }
}
