package io.lockbench.stress.checker.linear;

import java.util.Arrays;

/** A growable list of {@code int}s, so hot loops and large indexes do not box. */
final class IntList {

    private int[] items;
    private int size;

    IntList() {
        this(8);
    }

    IntList(int capacity) {
        items = new int[Math.max(1, capacity)];
    }

    void add(int v) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = v;
    }

    int get(int i) {
        return items[i];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int pop() {
        return items[--size];
    }

    void clear() {
        size = 0;
    }

    int[] toArray() {
        return Arrays.copyOf(items, size);
    }
}
