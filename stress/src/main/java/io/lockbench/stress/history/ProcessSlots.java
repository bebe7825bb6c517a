package io.lockbench.stress.history;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One int per process, or none (-1): e.g. the position of its op in flight. Jepsen numbers
 * processes from 0 (a few more with each crash), so most live in an array without boxing; the
 * nemesis and numbers too big for the array go to a map.
 */
final class ProcessSlots {

    static final int NONE = -1;
    private static final int ARRAY_PROCESSES = 1 << 20;

    private int[] slots = new int[0];
    private final Map<Long, Integer> others = new HashMap<>();

    int get(long process) {
        if (process >= 0 && process < ARRAY_PROCESSES) {
            return process < slots.length ? slots[(int) process] : NONE;
        }
        return others.getOrDefault(process, NONE);
    }

    void put(long process, int value) {
        if (process >= 0 && process < ARRAY_PROCESSES) {
            int p = (int) process;
            if (p >= slots.length) {
                int old = slots.length;
                slots = Arrays.copyOf(slots, Math.max(p + 1, old * 2));
                Arrays.fill(slots, old, slots.length, NONE);
            }
            slots[p] = value;
        } else {
            others.put(process, value);
        }
    }

    /** The process's int, which is then none. */
    int remove(long process) {
        int value = get(process);
        if (value != NONE) {
            put(process, NONE);
        }
        return value;
    }
}
