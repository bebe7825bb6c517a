package io.lockbench.stress.checker.linear;

import java.util.Arrays;

/**
 * A set of search configurations in flat primitive arrays. A configuration is the model state,
 * the bitset of pending ops already linearized (one bit per pending-op slot), and the
 * indeterminate ops used up so far; it also carries, outside its identity, the op that last
 * changed the state (for reports).
 */
final class ConfigurationSet {

    private final int words;
    /** Whether the indeterminate ops used are part of a configuration's identity. */
    private final boolean keyedOnConsumption;
    private int size;
    private int[] states;
    private int[] consumed;
    private int[] setters;
    private long[] masks;
    /** Open-addressing index: entry + 1, 0 for empty. */
    private int[] table;
    /** Per entry, its slot in {@link #table}, so clearing costs the entries, not the table. */
    private int[] slotOf;
    private int tableMask;

    /**
     * @param keyedOnConsumption false to hold one configuration per (state, mask), whatever it
     *                           used (see {@link #find} and {@link #replaceConsumed})
     */
    ConfigurationSet(int words, boolean keyedOnConsumption) {
        this.words = words;
        this.keyedOnConsumption = keyedOnConsumption;
        int capacity = 64;
        states = new int[capacity];
        consumed = new int[capacity];
        setters = new int[capacity];
        slotOf = new int[capacity];
        masks = new long[capacity * words];
        table = new int[capacity * 2];
        tableMask = table.length - 1;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int state(int i) {
        return states[i];
    }

    int consumed(int i) {
        return consumed[i];
    }

    int setter(int i) {
        return setters[i];
    }

    long maskWord(int i, int w) {
        return masks[i * words + w];
    }

    void copyMask(int i, long[] into) {
        System.arraycopy(masks, i * words, into, 0, words);
    }

    /**
     * Adds a configuration unless an equal one is present.
     *
     * @return its index, or -1 if it was already there
     */
    int add(int state, long[] mask, int consumedId, int setter) {
        int slot = slot(state, mask, keyedOnConsumption ? consumedId : 0);
        while (true) {
            int e = table[slot];
            if (e == 0) {
                break;
            }
            if (equalTo(e - 1, state, mask, consumedId)) {
                return -1;
            }
            slot = (slot + 1) & tableMask;
        }
        if (size == states.length) {
            growEntries();
        }
        int i = size++;
        states[i] = state;
        consumed[i] = consumedId;
        setters[i] = setter;
        System.arraycopy(mask, 0, masks, i * words, words);
        table[slot] = i + 1;
        slotOf[i] = slot;
        if (size * 2 > table.length) {
            rebuildIndex(table.length * 2);
        }
        return i;
    }

    /** The index of the configuration equal to the given one, or -1. */
    int find(int state, long[] mask, int consumedId) {
        int slot = slot(state, mask, keyedOnConsumption ? consumedId : 0);
        while (true) {
            int e = table[slot];
            if (e == 0) {
                return -1;
            }
            if (equalTo(e - 1, state, mask, consumedId)) {
                return e - 1;
            }
            slot = (slot + 1) & tableMask;
        }
    }

    /** Replaces what entry {@code i} used (only for a set not keyed on it). */
    void replaceConsumed(int i, int consumedId, int setter) {
        consumed[i] = consumedId;
        setters[i] = setter;
    }

    /** Sets bit {@code slot} in entry {@code i}'s mask; call {@link #reindex()} after a batch. */
    void setBit(int i, int bit) {
        masks[i * words + (bit >>> 6)] |= 1L << bit;
    }

    /** Rebuilds the index after masks were changed in place. */
    void reindex() {
        rebuildIndex(table.length);
    }

    /** Keeps only the entries marked in {@code keep}, in order. */
    void retain(boolean[] keep) {
        int j = 0;
        for (int i = 0; i < size; i++) {
            if (keep[i]) {
                states[j] = states[i];
                consumed[j] = consumed[i];
                setters[j] = setters[i];
                System.arraycopy(masks, i * words, masks, j * words, words);
                j++;
            }
        }
        size = j;
        rebuildIndex(table.length);
    }

    void clear() {
        if (size * 8 < table.length) {
            for (int i = 0; i < size; i++) {
                table[slotOf[i]] = 0;
            }
        } else {
            Arrays.fill(table, 0);
        }
        size = 0;
    }

    /** Whether entries i and j have the same state and mask (they may differ in what they used). */
    boolean sameStateAndMask(int i, int j) {
        if (states[i] != states[j]) {
            return false;
        }
        for (int w = 0; w < words; w++) {
            if (masks[i * words + w] != masks[j * words + w]) {
                return false;
            }
        }
        return true;
    }

    /** A hash of state and mask only, for grouping entries that differ in what they used. */
    long stateAndMaskHash(int i) {
        long h = states[i] * 0x9E3779B97F4A7C15L;
        for (int w = 0; w < words; w++) {
            h = (h ^ masks[i * words + w]) * 0xC2B2AE3D27D4EB4FL;
        }
        return h ^ (h >>> 31);
    }

    private boolean equalTo(int i, int state, long[] mask, int consumedId) {
        if (states[i] != state || keyedOnConsumption && consumed[i] != consumedId) {
            return false;
        }
        int base = i * words;
        for (int w = 0; w < words; w++) {
            if (masks[base + w] != mask[w]) {
                return false;
            }
        }
        return true;
    }

    private int slot(int state, long[] mask, int consumedId) {
        long h = state * 0x9E3779B97F4A7C15L + consumedId * 0x632BE59BD9B4E019L;
        for (int w = 0; w < words; w++) {
            h = (h ^ mask[w]) * 0xC2B2AE3D27D4EB4FL;
        }
        h ^= h >>> 29;
        return (int) h & tableMask;
    }

    private void growEntries() {
        int capacity = states.length * 2;
        states = Arrays.copyOf(states, capacity);
        consumed = Arrays.copyOf(consumed, capacity);
        setters = Arrays.copyOf(setters, capacity);
        slotOf = Arrays.copyOf(slotOf, capacity);
        masks = Arrays.copyOf(masks, capacity * words);
    }

    private void rebuildIndex(int capacity) {
        if (capacity != table.length) {
            table = new int[capacity];
            tableMask = capacity - 1;
        } else {
            Arrays.fill(table, 0);
        }
        long[] mask = new long[words];
        for (int i = 0; i < size; i++) {
            System.arraycopy(masks, i * words, mask, 0, words);
            int slot = slot(states[i], mask, keyedOnConsumption ? consumed[i] : 0);
            while (table[slot] != 0) {
                slot = (slot + 1) & tableMask;
            }
            table[slot] = i + 1;
            slotOf[i] = slot;
        }
    }
}
