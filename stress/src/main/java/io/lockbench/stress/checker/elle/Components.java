package io.lockbench.stress.checker.elle;

import java.util.Arrays;

/**
 * Strongly connected components of a dependency graph restricted to some relations (Tarjan's
 * algorithm with an explicit stack, so deep graphs do not overflow the call stack). Every cycle
 * lies inside one component of two or more transactions.
 */
final class Components {

    /** Component number of each node. */
    final int[] id;
    /** Size of each component, by number. */
    final int[] size;

    private Components(int[] id, int[] size) {
        this.id = id;
        this.size = size;
    }

    boolean cyclic(int component) {
        return size[component] > 1;
    }

    boolean anyCyclic() {
        for (int s : size) {
            if (s > 1) {
                return true;
            }
        }
        return false;
    }

    static Components of(DependencyGraph g, int relations) {
        int n = g.nodes;
        int[] index = new int[n];
        Arrays.fill(index, -1);
        int[] low = new int[n];
        boolean[] onStack = new boolean[n];
        int[] stack = new int[n];
        int top = 0;
        int[] callNode = new int[n];
        int[] callEdge = new int[n];
        int[] id = new int[n];
        int[] size = new int[Math.max(n, 1)];
        int components = 0;
        int counter = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            int depth = 0;
            index[root] = low[root] = counter++;
            stack[top++] = root;
            onStack[root] = true;
            callNode[depth] = root;
            callEdge[depth++] = g.offsets[root];
            while (depth > 0) {
                int u = callNode[depth - 1];
                int e = callEdge[depth - 1];
                if (e < g.offsets[u + 1]) {
                    callEdge[depth - 1]++;
                    if ((g.relations[e] & relations) == 0) {
                        continue;
                    }
                    int v = g.targets[e];
                    if (index[v] < 0) {
                        index[v] = low[v] = counter++;
                        stack[top++] = v;
                        onStack[v] = true;
                        callNode[depth] = v;
                        callEdge[depth++] = g.offsets[v];
                    } else if (onStack[v]) {
                        low[u] = Math.min(low[u], index[v]);
                    }
                    continue;
                }
                depth--;
                if (depth > 0) {
                    int parent = callNode[depth - 1];
                    low[parent] = Math.min(low[parent], low[u]);
                }
                if (low[u] == index[u]) {
                    int w;
                    do {
                        w = stack[--top];
                        onStack[w] = false;
                        id[w] = components;
                        size[components]++;
                    } while (w != u);
                    components++;
                }
            }
        }
        return new Components(id, Arrays.copyOf(size, components));
    }
}
