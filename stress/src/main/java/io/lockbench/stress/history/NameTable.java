package io.lockbench.stress.history;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Shares the strings a history repeats millions of times (keywords such as {@code :invoke}, keys,
 * small values) without creating a {@link String} to look each one up: the table is keyed by the
 * ASCII bytes themselves. Short names only, and a bounded number of them, so a history of distinct
 * values costs no more than without it.
 */
final class NameTable {

    private static final int MAX_LENGTH = 32;
    /** Starts small (a 10 kB history needs a few dozen names) and grows to this many slots. */
    private static final int MAX_CAPACITY = 1 << 15;

    private byte[][] keys = new byte[64][];
    private String[] names = new String[64];
    private int size;

    /** A plain loop: for names this short it beats the vectorized mismatch's setup. */
    private static boolean same(byte[] key, byte[] bytes, int offset) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] != bytes[offset + i]) {
                return false;
            }
        }
        return true;
    }

    /** The string of {@code length} ASCII bytes at {@code offset}: the same instance for the same bytes. */
    String intern(byte[] bytes, int offset, int length) {
        if (length > MAX_LENGTH) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        int h = hash(bytes, offset, length);
        int mask = keys.length - 1;
        int slot = h & mask;
        while (true) {
            byte[] key = keys[slot];
            if (key == null) {
                String name = new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
                if (size < MAX_CAPACITY / 2) {
                    keys[slot] = Arrays.copyOfRange(bytes, offset, offset + length);
                    names[slot] = name;
                    if (++size > keys.length / 2 && keys.length < MAX_CAPACITY) {
                        grow();
                    }
                }
                return name;
            }
            if (key.length == length && same(key, bytes, offset)) {
                return names[slot];
            }
            slot = (slot + 1) & mask;
        }
    }

    private static int hash(byte[] bytes, int offset, int length) {
        int h = 0;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + bytes[i];
        }
        return h ^ (h >>> 15);
    }

    private void grow() {
        byte[][] oldKeys = keys;
        String[] oldNames = names;
        keys = new byte[oldKeys.length * 2][];
        names = new String[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = hash(oldKeys[i], 0, oldKeys[i].length) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                names[slot] = oldNames[i];
            }
        }
    }
}
