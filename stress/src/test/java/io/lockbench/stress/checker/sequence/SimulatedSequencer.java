package io.lockbench.stress.checker.sequence;

import io.lockbench.stress.history.Op;
import io.lockbench.stress.history.OpType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A correct unique-constraint sequencer for a few files, run one append at a time inside
 * overlapping client intervals, with failed and {@code info} appends (effect or not, at random)
 * and a final read of every file after all appends.
 */
final class SimulatedSequencer {

    private static final long SERIAL_GAP = 100;

    private final Random random;
    private final int files;
    private final int concurrency;

    private record Record(long time, Op op) {
    }

    SimulatedSequencer(long seed, int files, int concurrency) {
        this.random = new Random(seed);
        this.files = files;
        this.concurrency = concurrency;
    }

    List<Op> history(int appends) {
        List<List<Object>> versions = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            versions.add(new ArrayList<>());
        }
        List<Record> records = new ArrayList<>();
        long nextProcess = 0;
        List<long[]> free = new ArrayList<>(); // {process, busy until}
        long end = 0;
        for (int i = 0; i < appends; i++) {
            long moment = i * SERIAL_GAP;
            long invokedAt = moment - 1 - random.nextInt((int) SERIAL_GAP * concurrency);
            long completedAt = moment + 1 + random.nextInt((int) SERIAL_GAP * concurrency);
            end = Math.max(end, completedAt);
            long process = -1;
            for (int j = 0; j < free.size(); j++) {
                if (free.get(j)[1] < invokedAt) {
                    process = free.remove(j)[0];
                    break;
                }
            }
            process = process < 0 ? nextProcess++ : process;
            long file = random.nextInt(files);
            String payload = "p" + i;
            double dice = random.nextDouble();
            OpType outcome = dice < 0.05 ? OpType.FAIL : dice < 0.10 ? OpType.INFO : OpType.OK;
            List<Object> list = versions.get((int) file);
            Object result = payload;
            if (outcome == OpType.OK || (outcome == OpType.INFO && random.nextBoolean())) {
                list.add(List.of((long) list.size() + 1, payload));
                result = outcome == OpType.OK ? (Object) (long) list.size() : payload;
            }
            records.add(new Record(invokedAt, new Op(0, OpType.INVOKE, process, "append", file, payload, invokedAt, null)));
            records.add(new Record(completedAt, new Op(0, outcome, process, "append", file, result, completedAt, null)));
            if (outcome != OpType.INFO) {
                free.add(new long[] {process, completedAt});
            }
        }
        records.sort(Comparator.comparingLong(Record::time));
        long reader = nextProcess;
        for (int f = 0; f < files; f++) {
            long t = end + 10 + 20L * f;
            records.add(new Record(t, new Op(0, OpType.INVOKE, reader, "read", (long) f, null, t, null)));
            records.add(new Record(t + 5, new Op(0, OpType.OK, reader, "read", (long) f, List.copyOf(versions.get(f)),
                    t + 5, null)));
        }
        List<Op> ops = new ArrayList<>(records.size());
        for (Record r : records) {
            ops.add(r.op().withIndex(ops.size()));
        }
        return ops;
    }
}
