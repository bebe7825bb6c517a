package io.lockbench.stress.checker.elle;

import java.util.Arrays;

/**
 * Dependencies between transactions, as a compact adjacency array: node i's edges are
 * {@code targets[offsets[i] .. offsets[i+1])}, sorted by target, each with a bit set of the
 * relations it stands for. Edges are few per transaction, so 100,000 transactions take a few MB.
 */
final class DependencyGraph {

    /** Write-write: the target appended the next element after the source's, to one key. */
    static final int WW = 1;
    /** Write-read: the target read the source's append (as the last element it saw). */
    static final int WR = 2;
    /** Read-write (anti-dependency): the source read a key without the target's next append. */
    static final int RW = 4;
    /** Real time: the source completed before the target was invoked. */
    static final int RT = 8;
    /** Process order: the source is the target's process's previous ok transaction. */
    static final int PROCESS = 16;
    static final int DATA = WW | WR | RW;
    /** Bits of an edge key that hold its relations; the target's number sits above them. */
    private static final int RELATION_BITS = 5;

    final int nodes;
    final int[] offsets;
    final int[] targets;
    final byte[] relations;

    private DependencyGraph(int nodes, int[] offsets, int[] targets, byte[] relations) {
        this.nodes = nodes;
        this.offsets = offsets;
        this.targets = targets;
        this.relations = relations;
    }

    /** The relations from {@code from} to {@code to}, 0 if none. */
    int relations(int from, int to) {
        int i = Arrays.binarySearch(targets, offsets[from], offsets[from + 1], to);
        return i < 0 ? 0 : relations[i];
    }

    /** How many edges carry {@code relation}. */
    int count(int relation) {
        int n = 0;
        for (byte r : relations) {
            n += (r & relation) != 0 ? 1 : 0;
        }
        return n;
    }

    static String relationName(int relation) {
        return switch (relation) {
            case WW -> "ww";
            case WR -> "wr";
            case RW -> "rw";
            case RT -> "realtime";
            case PROCESS -> "process";
            default -> throw new IllegalArgumentException("not a single relation: " + relation);
        };
    }

    /** Collects edges in any order and with repeats; {@link #build} merges them. */
    static final class Builder {
        private final int nodes;
        private long[] edges = new long[1024];
        private int size;

        Builder(int nodes) {
            if (nodes >= 1 << 27) {
                throw new IllegalArgumentException("too many transactions for one graph: " + nodes);
            }
            this.nodes = nodes;
        }

        void add(int from, int to, int relation) {
            if (from == to) {
                return;
            }
            if (size == edges.length) {
                edges = Arrays.copyOf(edges, size * 2);
            }
            edges[size++] = ((long) from << 32) | ((long) to << RELATION_BITS) | relation;
        }

        DependencyGraph build() {
            long[] sorted = Arrays.copyOf(edges, size);
            Arrays.sort(sorted);
            int[] offsets = new int[nodes + 1];
            int[] targets = new int[size];
            byte[] relations = new byte[size];
            int m = 0;
            long previousPair = -1;
            for (long e : sorted) {
                long pair = e >>> RELATION_BITS;
                int relation = (int) (e & ((1 << RELATION_BITS) - 1));
                if (pair == previousPair) {
                    relations[m - 1] |= (byte) relation;
                    continue;
                }
                previousPair = pair;
                int from = (int) (e >>> 32);
                targets[m] = (int) ((e & 0xFFFFFFFFL) >>> RELATION_BITS);
                relations[m] = (byte) relation;
                offsets[from + 1]++;
                m++;
            }
            for (int i = 0; i < nodes; i++) {
                offsets[i + 1] += offsets[i];
            }
            return new DependencyGraph(nodes, offsets, Arrays.copyOf(targets, m), Arrays.copyOf(relations, m));
        }
    }
}
