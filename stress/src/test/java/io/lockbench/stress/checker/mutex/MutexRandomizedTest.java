package io.lockbench.stress.checker.mutex;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.stress.checker.Anomaly;
import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.checker.Verdict;
import io.lockbench.stress.history.History;
import io.lockbench.stress.history.Op;
import io.lockbench.stress.history.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Histories of {@link SimulatedLockService} are correct however the operations overlap, end
 * {@code info} or get taken over, so the checker must accept all of them; corrupting one record
 * in a way that is wrong by construction must be rejected.
 */
class MutexRandomizedTest {

    private static final int HISTORIES = 300;

    private final MutexChecker checker = new MutexChecker();

    private static List<Op> generate(long seed) {
        return new SimulatedLockService(seed, 2 + (int) (seed % 5)).history(300);
    }

    @Test
    void correctClaimsServiceHistories_areValid() {
        int takeovers = 0;
        int staleWritesRejected = 0;
        for (long seed = 0; seed < HISTORIES; seed++) {
            List<Op> ops = generate(seed);
            CheckResult r = checker.check(new History(ops));
            assertThat(r.verdict()).as("seed %d: %s", seed, r.anomalies()).isEqualTo(Verdict.VALID);
            takeovers += (int) ops.stream().filter(o -> o.isOk() && o.value() instanceof Map<?, ?> m
                    && Boolean.TRUE.equals(m.get("takeover"))).count();
            staleWritesRejected += (int) ops.stream().filter(o -> o.isFail() && o.f().equals("fenced-write")).count();
        }
        assertThat(takeovers).as("takeovers generated").isGreaterThan(HISTORIES);
        assertThat(staleWritesRejected).as("stale writes generated").isGreaterThan(HISTORIES);
    }

    @Test
    void staleWriteAcceptedAfterATakeover_isStaleHolderWrote() {
        int corrupted = 0;
        for (long seed = 0; seed < HISTORIES; seed++) {
            List<Op> ops = generate(seed);
            History h = new History(ops);
            int rejected = rejectedWriteAfterGreaterGrant(h);
            if (rejected < 0) {
                continue;
            }
            corrupted++;
            List<Op> broken = new ArrayList<>(ops);
            broken.set(rejected, ops.get(rejected).withType(OpType.OK));
            CheckResult r = checker.check(new History(broken));
            assertThat(r.anomalies()).extracting(Anomaly::type).as("seed %d", seed).contains("stale-holder-wrote");
        }
        assertThat(corrupted).isGreaterThan(HISTORIES / 3);
    }

    @Test
    void tokenRepeatedByALaterAcquisition_isTokenNotMonotonic() {
        int corrupted = 0;
        for (long seed = 0; seed < HISTORIES; seed++) {
            List<Op> ops = generate(seed);
            List<Integer> grants = new ArrayList<>();
            for (int i = 0; i < ops.size(); i++) {
                if (ops.get(i).isOk() && ops.get(i).f().equals("acquire")) {
                    grants.add(i);
                }
            }
            if (grants.size() < 2) {
                continue;
            }
            corrupted++;
            List<Op> broken = new ArrayList<>(ops);
            int last = grants.get(grants.size() - 1);
            broken.set(last, ops.get(last).withValue(ops.get(grants.get(0)).value()));
            CheckResult r = checker.check(new History(broken));
            assertThat(r.anomalies()).extracting(Anomaly::type).as("seed %d", seed).contains("token-not-monotonic");
        }
        assertThat(corrupted).isGreaterThan(HISTORIES / 2);
    }

    /** Position of a rejected write whose token is below one granted before the write began, or -1. */
    private static int rejectedWriteAfterGreaterGrant(History h) {
        long greatestGranted = 0;
        List<History.Operation> operations = h.operations();
        for (History.Operation op : operations) {
            if (op.failed() && op.invoke().f().equals("fenced-write")) {
                long written = (Long) op.invoke().value();
                for (History.Operation a : operations) {
                    if (a.ok() && a.invoke().f().equals("acquire") && a.completePosition() < op.invokePosition()
                            && (Long) ((Map<?, ?>) a.completion().value()).get("token") > written) {
                        return op.completePosition();
                    }
                }
            }
        }
        return -1;
    }
}
