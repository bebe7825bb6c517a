package io.lockbench.stress.checker.elle;

import io.lockbench.stress.history.Op;
import io.lockbench.stress.history.OpType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A list-append database that runs transactions one at a time, and the history clients would
 * record of it: each transaction takes effect at its serial moment, inside an invocation-to-
 * completion interval that overlaps its neighbours'. The history is therefore strictly
 * serializable. Some transactions fail (no effect), some end {@code info} or never complete
 * (effect or not, at random), and keys are retired after a few appends, as Jepsen's generator does.
 */
final class SimulatedListAppendDatabase {

    private static final long SERIAL_GAP = 100;

    private final Random random;
    private final int concurrency;
    private final Map<Long, List<Long>> lists = new HashMap<>();
    private final long[] activeKeys;
    private long nextKey;
    private long nextValue = 1;

    /** One transaction as the client saw it. */
    private record Call(long invokedAt, long completedAt, OpType outcome, List<Object> invoked, List<Object> done) {
    }

    SimulatedListAppendDatabase(long seed, int keys, int concurrency) {
        this.random = new Random(seed);
        this.concurrency = concurrency;
        this.activeKeys = new long[keys];
        for (int i = 0; i < keys; i++) {
            activeKeys[i] = nextKey++;
        }
    }

    /** A history of {@code count} transactions, records in time order. */
    List<Op> history(int count) {
        List<Call> calls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            calls.add(run(i * SERIAL_GAP));
        }
        return record(calls);
    }

    private Call run(long serialMoment) {
        int steps = 1 + random.nextInt(4);
        List<Object> invoked = new ArrayList<>();
        List<Object[]> planned = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            long key = activeKeys[random.nextInt(activeKeys.length)];
            if (random.nextBoolean()) {
                long v = nextValue++;
                invoked.add(List.of("append", key, v));
                planned.add(new Object[] {"append", key, v});
            } else {
                invoked.add(Arrays.asList("r", key, null));
                planned.add(new Object[] {"r", key, null});
            }
        }
        double dice = random.nextDouble();
        OpType outcome = dice < 0.05 ? OpType.FAIL : dice < 0.10 ? OpType.INFO : OpType.OK;
        boolean takesEffect = outcome == OpType.OK || (outcome == OpType.INFO && random.nextBoolean());
        List<Object> done = invoked;
        if (takesEffect) {
            done = apply(planned);
        }
        int spread = (int) (SERIAL_GAP * concurrency);
        long invokedAt = serialMoment - 1 - random.nextInt(spread);
        long completedAt = serialMoment + 1 + random.nextInt(spread);
        return new Call(invokedAt, completedAt, outcome, invoked, outcome == OpType.OK ? done : invoked);
    }

    private List<Object> apply(List<Object[]> planned) {
        List<Object> done = new ArrayList<>();
        for (Object[] step : planned) {
            long key = (Long) step[1];
            List<Long> list = lists.computeIfAbsent(key, k -> new ArrayList<>());
            if (step[0].equals("append")) {
                list.add((Long) step[2]);
                done.add(List.of("append", key, step[2]));
                if (list.size() >= 8 && random.nextInt(4) == 0) {
                    retire(key);
                }
            } else {
                done.add(List.of("r", key, List.copyOf(list)));
            }
        }
        return done;
    }

    private void retire(long key) {
        for (int i = 0; i < activeKeys.length; i++) {
            if (activeKeys[i] == key) {
                activeKeys[i] = nextKey++;
            }
        }
    }

    /** Assigns processes (one operation in flight each; retired after info) and orders records by time. */
    private List<Op> record(List<Call> calls) {
        List<Call> byInvocation = new ArrayList<>(calls);
        byInvocation.sort(Comparator.comparingLong(Call::invokedAt));
        List<long[]> free = new ArrayList<>(); // {process, free from}
        long nextProcess = 0;
        List<Object[]> records = new ArrayList<>(); // {time, Op without index}
        for (Call c : byInvocation) {
            long process = -1;
            for (int i = 0; i < free.size(); i++) {
                if (free.get(i)[1] < c.invokedAt()) {
                    process = free.remove(i)[0];
                    break;
                }
            }
            if (process < 0) {
                process = nextProcess++;
            }
            records.add(new Object[] {c.invokedAt(),
                    new Op(0, OpType.INVOKE, process, "txn", null, c.invoked(), c.invokedAt(), null)});
            boolean neverCompletes = c.outcome() == OpType.INFO && random.nextInt(4) == 0;
            if (!neverCompletes) {
                records.add(new Object[] {c.completedAt(),
                        new Op(0, c.outcome(), process, "txn", null, c.done(), c.completedAt(), null)});
            }
            if (c.outcome() != OpType.INFO) {
                free.add(new long[] {process, c.completedAt()});
            }
        }
        records.sort(Comparator.comparingLong(r -> (Long) r[0]));
        List<Op> ops = new ArrayList<>(records.size());
        for (Object[] r : records) {
            ops.add(((Op) r[1]).withIndex(ops.size()));
        }
        return ops;
    }
}
