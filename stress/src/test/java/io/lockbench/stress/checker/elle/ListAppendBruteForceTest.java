package io.lockbench.stress.checker.elle;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.checker.HistoryScript;
import io.lockbench.stress.checker.Verdict;
import io.lockbench.stress.history.History;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The checker at serializability against brute force on small random histories: a history is
 * serializable iff some serial order of its committed transactions, each indeterminate one in or
 * out, reproduces every read of every ok transaction. The checker must agree in both directions:
 * no false alarms, nothing missed. Real time plays no part, so the transactions all overlap.
 * Likewise at strong session serializability, where the serial order must also keep each
 * process's ok transactions in the order the process ran them (Elle's process order).
 */
class ListAppendBruteForceTest {

    private static final long BASE_SEED = 20_240_514L;
    private static final int CASES = 4000;

    private final ListAppendChecker checker = new ListAppendChecker();
    private final ListAppendChecker strongSession = new ListAppendChecker(ConsistencyModel.STRONG_SESSION_SERIALIZABLE);

    /**
     * One generated transaction: its micro-ops (reads filled in as an ok completion would be),
     * outcome, and the process that ran it (a process runs its transactions one after another).
     */
    private record GenTxn(List<List<Object>> mops, char outcome, long process) {
    }

    @Test
    void verdictAtSerializability_matchesBruteForce() {
        int serializable = 0;
        for (int i = 0; i < CASES; i++) {
            long seed = BASE_SEED + i;
            List<GenTxn> txns = generate(new Random(seed));
            boolean expected = bruteForceSerializable(txns);
            serializable += expected ? 1 : 0;
            CheckResult result = checker.check(history(txns));
            assertThat(result.verdict())
                    .as("seed %d (rerun with BASE_SEED + %d): brute force says %s for %s; checker: %s", seed, i,
                            expected ? "serializable" : "not serializable", txns, result)
                    .isEqualTo(expected ? Verdict.VALID : Verdict.INVALID);
        }
        // Both kinds must be well represented, or the comparison proves little.
        assertThat(serializable).isBetween(CASES / 5, CASES * 4 / 5);
    }

    @Test
    void verdictAtStrongSessionSerializability_matchesBruteForceWithProcessOrder() {
        int valid = 0;
        int serializableButNotInProcessOrder = 0;
        for (int i = 0; i < CASES; i++) {
            long seed = BASE_SEED + i;
            Random r = new Random(seed);
            List<GenTxn> txns = inProcesses(generate(r), r);
            boolean expected = bruteForce(txns, true);
            valid += expected ? 1 : 0;
            serializableButNotInProcessOrder += !expected && bruteForce(txns, false) ? 1 : 0;
            CheckResult result = strongSession.check(sessionHistory(txns));
            assertThat(result.verdict())
                    .as("seed %d (rerun with BASE_SEED + %d): brute force says %s for %s; checker: %s", seed, i,
                            expected ? "strong session serializable" : "not strong session serializable", txns,
                            result)
                    .isEqualTo(expected ? Verdict.VALID : Verdict.INVALID);
        }
        assertThat(valid).isBetween(CASES / 5, CASES * 4 / 5);
        // The histories only process order rules out must be well represented too.
        assertThat(serializableButNotInProcessOrder).isGreaterThan(CASES / 20);
    }

    /**
     * The transactions spread over two or three workers, each running its share one after
     * another; a worker whose transaction ended info goes on as a new process, as in Jepsen.
     */
    private static List<GenTxn> inProcesses(List<GenTxn> txns, Random r) {
        int workers = 2 + r.nextInt(2);
        long[] process = new long[workers];
        for (int w = 0; w < workers; w++) {
            process[w] = w;
        }
        long nextProcess = workers;
        List<GenTxn> out = new ArrayList<>();
        for (GenTxn t : txns) {
            int w = r.nextInt(workers);
            out.add(new GenTxn(t.mops(), t.outcome(), process[w]));
            if (t.outcome() == 'i') {
                process[w] = nextProcess++;
            }
        }
        return out;
    }

    private static List<GenTxn> generate(Random r) {
        int keys = 2 + r.nextInt(3);
        int n = 3 + r.nextInt(4);
        int[] nextValue = new int[keys];
        List<List<List<Object>>> bodies = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            List<List<Object>> mops = new ArrayList<>();
            int size = 1 + r.nextInt(3);
            for (int m = 0; m < size; m++) {
                long k = r.nextInt(keys);
                if (r.nextBoolean()) {
                    mops.add(new ArrayList<>(Arrays.asList("append", k, (long) ++nextValue[(int) k])));
                } else {
                    mops.add(new ArrayList<>(Arrays.asList("r", k, null)));
                }
            }
            bodies.add(mops);
        }
        char[] outcomes = new char[n];
        for (int t = 0; t < n; t++) {
            int o = r.nextInt(10);
            outcomes[t] = t == 0 || o < 7 ? 'o' : o < 9 ? 'i' : 'f';
        }
        if (r.nextBoolean()) {
            runSerially(r, bodies, outcomes);
            if (r.nextInt(3) == 0) {
                perturbOneRead(r, bodies, nextValue);
            }
        } else {
            readRandomPrefixes(r, bodies, keys);
        }
        List<GenTxn> out = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            out.add(new GenTxn(bodies.get(t), outcomes[t], t));
        }
        return out;
    }

    /** Reads as a database that runs the transactions one at a time, in a random order, would return them. */
    private static void runSerially(Random r, List<List<List<Object>>> bodies, char[] outcomes) {
        List<Integer> order = new ArrayList<>();
        for (int t = 0; t < bodies.size(); t++) {
            order.add(t);
        }
        java.util.Collections.shuffle(order, r);
        Map<Object, List<Object>> state = new HashMap<>();
        for (int t : order) {
            boolean takesEffect = outcomes[t] == 'o' || (outcomes[t] == 'i' && r.nextBoolean());
            Map<Object, List<Object>> view = new HashMap<>();
            state.forEach((k, v) -> view.put(k, new ArrayList<>(v)));
            for (List<Object> mop : bodies.get(t)) {
                List<Object> list = view.computeIfAbsent(mop.get(1), k -> new ArrayList<>());
                if (mop.get(0).equals("append")) {
                    list.add(mop.get(2));
                } else {
                    mop.set(2, new ArrayList<>(list));
                }
            }
            if (takesEffect) {
                state = view;
            }
        }
    }

    /** Drops, adds or swaps an element of one read. */
    private static void perturbOneRead(Random r, List<List<List<Object>>> bodies, int[] nextValue) {
        List<List<Object>> reads = new ArrayList<>();
        bodies.forEach(b -> b.stream().filter(m -> m.get(0).equals("r")).forEach(reads::add));
        if (reads.isEmpty()) {
            return;
        }
        List<Object> mop = reads.get(r.nextInt(reads.size()));
        @SuppressWarnings("unchecked")
        List<Object> values = (List<Object>) mop.get(2);
        int k = (int) (long) (Long) mop.get(1);
        switch (r.nextInt(3)) {
            case 0 -> {
                if (!values.isEmpty()) {
                    values.remove(values.size() - 1);
                }
            }
            case 1 -> {
                if (nextValue[k] > 0) {
                    long v = 1 + r.nextInt(nextValue[k]);
                    if (!values.contains(v)) {
                        values.add(v);
                    }
                }
            }
            default -> {
                if (values.size() >= 2) {
                    java.util.Collections.swap(values, 0, 1);
                }
            }
        }
    }

    /** Reads of random prefixes of one random order of each key's appends: often not serializable. */
    private static void readRandomPrefixes(Random r, List<List<List<Object>>> bodies, int keys) {
        Map<Object, List<Object>> orders = new HashMap<>();
        for (List<List<Object>> b : bodies) {
            for (List<Object> m : b) {
                if (m.get(0).equals("append")) {
                    orders.computeIfAbsent(m.get(1), k -> new ArrayList<>()).add(m.get(2));
                }
            }
        }
        orders.values().forEach(o -> java.util.Collections.shuffle(o, r));
        for (List<List<Object>> b : bodies) {
            for (List<Object> m : b) {
                if (m.get(0).equals("r")) {
                    List<Object> order = orders.getOrDefault(m.get(1), List.of());
                    m.set(2, new ArrayList<>(order.subList(0, r.nextInt(order.size() + 1))));
                }
            }
        }
    }

    private static History history(List<GenTxn> txns) {
        HistoryScript h = new HistoryScript();
        for (int t = 0; t < txns.size(); t++) {
            h.invoke(t, "txn", null, Txns.invocation(new ArrayList<>(txns.get(t).mops())));
        }
        for (int t = 0; t < txns.size(); t++) {
            switch (txns.get(t).outcome()) {
                case 'o' -> h.ok(t, new ArrayList<>(txns.get(t).mops()));
                case 'i' -> h.info(t);
                default -> h.fail(t);
            }
        }
        return h.build();
    }

    /**
     * The history of transactions each on its own process, or several on one: a process's next
     * transaction is invoked once its previous one completed; different processes overlap.
     */
    private static History sessionHistory(List<GenTxn> txns) {
        HistoryScript h = new HistoryScript();
        Map<Long, Integer> inFlight = new HashMap<>();
        for (int t = 0; t < txns.size(); t++) {
            Integer previous = inFlight.put(txns.get(t).process(), t);
            if (previous != null) {
                complete(h, txns.get(previous));
            }
            h.invoke(txns.get(t).process(), "txn", null, Txns.invocation(new ArrayList<>(txns.get(t).mops())));
        }
        inFlight.values().stream().sorted().forEach(t -> complete(h, txns.get(t)));
        return h.build();
    }

    private static void complete(HistoryScript h, GenTxn txn) {
        switch (txn.outcome()) {
            case 'o' -> h.ok(txn.process(), new ArrayList<>(txn.mops()));
            case 'i' -> h.info(txn.process());
            default -> h.fail(txn.process());
        }
    }

    static boolean bruteForceSerializable(List<GenTxn> txns) {
        return bruteForce(txns, false);
    }

    /**
     * Whether some serial order replays every ok read; with {@code processOrder}, one that also
     * keeps each process's ok transactions in order.
     */
    static boolean bruteForce(List<GenTxn> txns, boolean processOrder) {
        List<Integer> committed = new ArrayList<>();
        List<Integer> maybe = new ArrayList<>();
        for (int t = 0; t < txns.size(); t++) {
            char o = txns.get(t).outcome();
            (o == 'o' ? committed : o == 'i' ? maybe : new ArrayList<Integer>()).add(t);
        }
        for (int mask = 0; mask < 1 << maybe.size(); mask++) {
            List<Integer> in = new ArrayList<>(committed);
            for (int b = 0; b < maybe.size(); b++) {
                if ((mask & 1 << b) != 0) {
                    in.add(maybe.get(b));
                }
            }
            if (someOrderWorks(txns, in, 0, processOrder)) {
                return true;
            }
        }
        return false;
    }

    /** Heap's-style recursion over permutations of {@code in} from position {@code k}. */
    private static boolean someOrderWorks(List<GenTxn> txns, List<Integer> in, int k, boolean processOrder) {
        if (k == in.size()) {
            return (!processOrder || keepsProcessOrder(txns, in)) && replays(txns, in);
        }
        for (int i = k; i < in.size(); i++) {
            java.util.Collections.swap(in, k, i);
            boolean works = someOrderWorks(txns, in, k + 1, processOrder);
            java.util.Collections.swap(in, k, i);
            if (works) {
                return true;
            }
        }
        return false;
    }

    /** Each process's ok transactions appear in the order it ran them (generation order). */
    private static boolean keepsProcessOrder(List<GenTxn> txns, List<Integer> order) {
        Map<Long, Integer> last = new HashMap<>();
        for (int t : order) {
            if (txns.get(t).outcome() == 'o') {
                Integer before = last.put(txns.get(t).process(), t);
                if (before != null && before > t) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean replays(List<GenTxn> txns, List<Integer> order) {
        Map<Object, List<Object>> state = new HashMap<>();
        for (int t : order) {
            GenTxn txn = txns.get(t);
            for (List<Object> mop : txn.mops()) {
                List<Object> list = state.computeIfAbsent(mop.get(1), k -> new ArrayList<>());
                if (mop.get(0).equals("append")) {
                    list.add(mop.get(2));
                } else if (txn.outcome() == 'o' && !list.equals(mop.get(2))) {
                    return false;
                }
            }
        }
        return true;
    }
}
