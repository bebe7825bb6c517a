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
    private static final int CAPACITY = 1 << 15;
    private static final int MAX_ENTRIES = CAPACITY / 2;

    private final byte[][] keys = new byte[CAPACITY][];
    private final String[] names = new String[CAPACITY];
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
        int h = 0;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + bytes[i];
        }
        int slot = (h ^ (h >>> 15)) & (CAPACITY - 1);
        while (true) {
            byte[] key = keys[slot];
            if (key == null) {
                String name = new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
                if (size < MAX_ENTRIES) {
                    keys[slot] = Arrays.copyOfRange(bytes, offset, offset + length);
                    names[slot] = name;
                    size++;
                }
                return name;
            }
            if (key.length == length && same(key, bytes, offset)) {
                return names[slot];
            }
            slot = (slot + 1) & (CAPACITY - 1);
        }
    }
}
