package io.lockbench.stress.checker.elle;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.checker.HistoryScript;
import io.lockbench.stress.checker.Verdict;
import io.lockbench.stress.history.History;
import io.lockbench.stress.history.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The checker must handle ~100,000 transactions in a few seconds, invalid histories as fast as
 * valid ones. The bounds are generous (about 1.5 s is typical) so only a blow-up fails them.
 */
class ListAppendScaleTest {

    private static final int TXNS = 100_000;
    private static final long BOUND_MS = 10_000;

    private static final List<Op> SERIAL = new SimulatedListAppendDatabase(1, 10, 10).history(TXNS);

    @Test
    void hundredThousandTransactions_areCheckedWithinSeconds() {
        long began = System.nanoTime();
        CheckResult r = new ListAppendChecker(true).check(new History(SERIAL));
        long ms = (System.nanoTime() - began) / 1_000_000;

        assertThat(r.verdict()).as(r.summary()).isEqualTo(Verdict.VALID);
        assertThat(r.stats()).containsEntry("txns", TXNS);
        assertThat(ms).isLessThan(BOUND_MS);
    }

    @Test
    void hundredThousandTransactionsWithStaleReads_areRejectedAsFast() {
        List<Op> stale = dropLastElementOfSomeReads(SERIAL, new Random(3));

        long began = System.nanoTime();
        CheckResult r = new ListAppendChecker(true).check(new History(stale));
        long ms = (System.nanoTime() - began) / 1_000_000;

        assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(r.anomalies()).extracting(a -> a.type()).contains("G-single", "G2");
        assertThat((Integer) r.stats().get("cycles-not-shown")).isPositive();
        assertThat(ms).isLessThan(BOUND_MS);
    }

    @Test
    void cycleThroughEveryOneOfAHundredThousandTransactions_isFound() {
        // Transaction i appends b(i) to key i and a(i+1) to key i+1, and reads key i as [a(i) b(i)]:
        // ww edges i-1 -> i all the way round, one G0 ring of all of them.
        HistoryScript h = new HistoryScript();
        for (int i = 0; i < TXNS; i++) {
            int next = (i + 1) % TXNS;
            List<Object> txn = List.of(Txns.append(i, "b" + i), Txns.append(next, "a" + next),
                    Txns.r(i, "a" + i, "b" + i));
            Txns.ok(h, 0, txn);
        }

        long began = System.nanoTime();
        CheckResult r = new ListAppendChecker().check(h.build());
        long ms = (System.nanoTime() - began) / 1_000_000;

        assertThat(r.anomalies()).hasSize(1);
        assertThat(r.anomalies().get(0).type()).isEqualTo("G0");
        assertThat(r.anomalies().get(0).ops()).hasSize(TXNS);
        assertThat(r.anomalies().get(0).description()).contains("a cycle of 100000 transactions", "more steps");
        assertThat(ms).isLessThan(BOUND_MS);
    }

    private static List<Op> dropLastElementOfSomeReads(List<Op> ops, Random random) {
        List<Op> out = new ArrayList<>(ops);
        for (int i = 0; i < out.size(); i++) {
            Op op = out.get(i);
            if (!op.isOk() || random.nextInt(20) != 0) {
                continue;
            }
            List<Object> steps = new ArrayList<>((List<?>) op.value());
            for (int s = 0; s < steps.size(); s++) {
                List<?> mop = (List<?>) steps.get(s);
                List<?> read = mop.get(0).equals("r") ? (List<?>) mop.get(2) : List.of();
                if (!read.isEmpty()) {
                    steps.set(s, Arrays.asList("r", mop.get(1), List.copyOf(read.subList(0, read.size() - 1))));
                }
            }
            out.set(i, op.withValue(steps));
        }
        return out;
    }
}
