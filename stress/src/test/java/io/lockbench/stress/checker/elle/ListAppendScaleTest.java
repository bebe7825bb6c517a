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
 * The checker handles ~100,000 transactions, valid and invalid, and a cycle through all of them.
 * How fast is not asserted here (tests take no time measurements; a loaded machine would fail
 * them): {@code elapsed-ms} in the stats shows it.
 */
class ListAppendScaleTest {

    private static final int TXNS = 100_000;

    private static final List<Op> SERIAL = new SimulatedListAppendDatabase(1, 10, 10).history(TXNS);

    @Test
    void hundredThousandTransactions_areCheckedWithinSeconds() {
        CheckResult r = new ListAppendChecker(ConsistencyModel.STRICT_SERIALIZABLE).check(new History(SERIAL));

        assertThat(r.verdict()).as(r.summary()).isEqualTo(Verdict.VALID);
        assertThat(r.stats()).containsEntry("txns", TXNS);
    }

    @Test
    void hundredThousandTransactionsWithStaleReads_areRejectedAsFast() {
        List<Op> stale = dropLastElementOfSomeReads(SERIAL, new Random(3));

        CheckResult r = new ListAppendChecker(ConsistencyModel.STRICT_SERIALIZABLE).check(new History(stale));

        assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(r.anomalies()).extracting(a -> a.type()).as(r.summary())
                .contains("G-single-item", "G2-item", "G-single-item-realtime");
        assertThat((Integer) r.stats().get("cycles-not-shown")).isPositive();
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

        CheckResult r = new ListAppendChecker().check(h.build());

        assertThat(r.anomalies()).hasSize(1);
        assertThat(r.anomalies().get(0).type()).isEqualTo("G0");
        assertThat(r.anomalies().get(0).ops()).hasSize(TXNS);
        assertThat(r.anomalies().get(0).description()).contains("a cycle of 100000 transactions", "more steps");
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
