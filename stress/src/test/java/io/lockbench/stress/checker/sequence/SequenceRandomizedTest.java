package io.lockbench.stress.checker.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.stress.checker.Anomaly;
import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.checker.Verdict;
import io.lockbench.stress.history.History;
import io.lockbench.stress.history.Op;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A correct sequencer's histories are valid; one corrupted record is caught. */
class SequenceRandomizedTest {

    private static final int HISTORIES = 300;

    private final SequenceChecker checker = new SequenceChecker();

    private static List<Op> generate(long seed) {
        return new SimulatedSequencer(seed, 1 + (int) (seed % 3), 1 + (int) (seed % 6)).history(150);
    }

    @Test
    void correctSequencerHistories_areValid() {
        for (long seed = 0; seed < HISTORIES; seed++) {
            CheckResult r = checker.check(new History(generate(seed)));
            assertThat(r.verdict()).as("seed %d: %s", seed, r.anomalies()).isEqualTo(Verdict.VALID);
        }
    }

    @Test
    void acknowledgedAppendDroppedFromTheFinalRead_isLostAppendAndGap() {
        for (long seed = 0; seed < HISTORIES; seed++) {
            List<Op> ops = new ArrayList<>(generate(seed));
            int read = lastRead(ops);
            List<?> entries = (List<?>) ops.get(read).value();
            Object firstPayload = ((List<?>) entries.get(0)).get(1);
            if (!acknowledged(ops, firstPayload)) {
                continue;
            }
            ops.set(read, ops.get(read).withValue(entries.subList(1, entries.size())));
            CheckResult r = checker.check(new History(ops));
            assertThat(r.anomalies()).extracting(Anomaly::type).as("seed %d", seed).contains("lost-append", "gap");
        }
    }

    @Test
    void acknowledgedVersionsSwappedBetweenSuccessiveAppends_isCaught() {
        for (long seed = 0; seed < HISTORIES; seed++) {
            List<Op> ops = new ArrayList<>(generate(seed));
            List<Integer> acks = new ArrayList<>();
            for (int i = 0; i < ops.size(); i++) {
                if (ops.get(i).isOk() && ops.get(i).f().equals("append") && ops.get(i).key().equals(ops.get(0).key())) {
                    acks.add(i);
                }
            }
            if (acks.size() < 2) {
                continue;
            }
            int a = acks.get(0);
            int b = acks.get(acks.size() - 1);
            Object va = ops.get(a).value();
            ops.set(a, ops.get(a).withValue(ops.get(b).value()));
            ops.set(b, ops.get(b).withValue(va));
            CheckResult r = checker.check(new History(ops));
            assertThat(r.anomalies()).extracting(Anomaly::type).as("seed %d", seed)
                    .contains("version-mismatch", "real-time-order");
        }
    }

    private static int lastRead(List<Op> ops) {
        for (int i = ops.size() - 1; i >= 0; i--) {
            if (ops.get(i).isOk() && ops.get(i).f().equals("read") && !((List<?>) ops.get(i).value()).isEmpty()) {
                return i;
            }
        }
        throw new IllegalStateException("no read");
    }

    private static boolean acknowledged(List<Op> ops, Object payload) {
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).isInvoke() && payload.equals(ops.get(i).value())) {
                for (int j = i + 1; j < ops.size(); j++) {
                    if (ops.get(j).process() == ops.get(i).process() && !ops.get(j).isInvoke()) {
                        return ops.get(j).isOk();
                    }
                }
            }
        }
        return false;
    }
}
