package io.lockbench.stress.checker.mutex;

import io.lockbench.stress.history.Op;
import io.lockbench.stress.history.OpType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A correct claims service with fencing, run one operation at a time, and the history its clients
 * would record: each operation takes effect at its serial moment inside an interval that overlaps
 * others. Claims go stale (their holder paused) and are taken over with a new token; the paused
 * holder still believes it holds and tries to write, and the resource rejects its old token. Some
 * operations end {@code info} (effect or not, at random) and retire their process.
 */
final class SimulatedLockService {

    private static final long SERIAL_GAP = 100;
    private static final String RESOURCE = "r1";

    private final Random random;
    private final int clients;
    /** Who holds the claim now (a process id), or -1; and its token. */
    private long holder = -1;
    private long token;
    private long nextToken = 1;

    private record Record(long time, Op op) {
    }

    SimulatedLockService(long seed, int clients) {
        this.random = new Random(seed);
        this.clients = clients;
    }

    List<Op> history(int steps) {
        long[] process = new long[clients];
        long[] busyUntil = new long[clients];
        long[] believedToken = new long[clients]; // 0: believes it holds nothing
        long nextProcess = clients;
        for (int c = 0; c < clients; c++) {
            process[c] = c;
            busyUntil[c] = Long.MIN_VALUE;
        }
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            long moment = i * SERIAL_GAP;
            int c = random.nextInt(clients);
            if (busyUntil[c] >= moment - 1) {
                continue;
            }
            long invokedAt = Math.max(busyUntil[c] + 1, moment - 1 - random.nextInt((int) SERIAL_GAP * clients));
            long completedAt = moment + 1 + random.nextInt((int) SERIAL_GAP * clients);
            boolean indeterminate = random.nextInt(25) == 0;
            boolean takesEffect = !indeterminate || random.nextBoolean();
            long p = process[c];
            String f;
            Object invokeValue = null;
            Object result;
            boolean ok;
            if (believedToken[c] == 0 && random.nextInt(8) == 0) {
                f = "inspect";
                Map<String, Object> seen = new HashMap<>();
                seen.put("active-claims", holder < 0 ? 0L : 1L);
                seen.put("active-session", holder < 0 ? null : "s" + holder);
                seen.put("claim-session", holder < 0 ? null : "s" + holder);
                result = seen;
                ok = true;
            } else if (believedToken[c] == 0) {
                f = "acquire";
                boolean stale = holder >= 0 && random.nextInt(3) == 0;
                ok = holder < 0 || stale;
                result = null;
                if (ok && takesEffect) {
                    holder = p;
                    token = nextToken++;
                    result = Map.of("token", token, "takeover", stale);
                    believedToken[c] = indeterminate ? 0 : token;
                }
            } else if (random.nextInt(3) > 0) {
                f = "fenced-write";
                invokeValue = believedToken[c];
                ok = believedToken[c] == token && holder == p;
                result = invokeValue;
            } else {
                f = "release";
                ok = holder == p;
                if (ok && takesEffect) {
                    holder = -1;
                }
                believedToken[c] = 0;
                result = null;
            }
            records.add(new Record(invokedAt, new Op(0, OpType.INVOKE, p, f, RESOURCE, invokeValue, invokedAt, null)));
            OpType type = indeterminate ? OpType.INFO : ok ? OpType.OK : OpType.FAIL;
            if (!indeterminate || random.nextBoolean()) {
                Object value = type == OpType.OK ? result : invokeValue;
                records.add(new Record(completedAt, new Op(0, type, p, f, RESOURCE, value, completedAt, null)));
            }
            busyUntil[c] = completedAt;
            if (indeterminate) {
                process[c] = nextProcess++;
                believedToken[c] = 0;
            }
        }
        records.sort(Comparator.comparingLong(Record::time));
        List<Op> ops = new ArrayList<>(records.size());
        for (Record r : records) {
            ops.add(r.op().withIndex(ops.size()));
        }
        return ops;
    }
}
