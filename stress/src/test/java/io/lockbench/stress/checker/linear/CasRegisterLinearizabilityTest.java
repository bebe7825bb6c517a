package io.lockbench.stress.checker.linear;

import static io.lockbench.stress.checker.linear.Hist.history;
import static io.lockbench.stress.checker.linear.Hist.pair;
import static io.lockbench.stress.checker.linear.Verdicts.casRegister;
import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.stress.checker.Anomaly;
import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.checker.Verdict;
import io.lockbench.stress.history.Op;
import org.junit.jupiter.api.Test;

class CasRegisterLinearizabilityTest {

    @Test
    void sequentialWritesAndReads_areLinearizable() {
        CheckResult r = casRegister(history()
                .invoke(0, "read", null).ok(0, "read", null)
                .invoke(0, "write", 1L).ok(0, "write", 1L)
                .invoke(1, "cas", pair(1, 2)).ok(1, "cas", pair(1, 2))
                .invoke(0, "read", null).ok(0, "read", 2L).build());
        assertThat(r.verdict()).isEqualTo(Verdict.VALID);
        assertThat(r.summary()).isEqualTo("cas-register: 1 key, 4 ops: linearizable");
    }

    @Test
    void staleReadAfterCompletedWrite_isNotLinearizable() {
        CheckResult r = casRegister(history()
                .invoke(0, "write", 1L).ok(0, "write", 1L)
                .invoke(0, "write", 2L).ok(0, "write", 2L)
                .invoke(1, "read", null).ok(1, "read", 1L).build());

        assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
        Anomaly a = r.anomalies().get(0);
        assertThat(a.type()).isEqualTo("nonlinearizable");
        assertThat(a.description())
                .startsWith("read 1 by process 1 (invoked at op 4, ok at op 5) cannot be linearized")
                .contains("Shortest non-linearizable prefix: the first 3 ops of the key, through op 5")
                .contains("state 2; linearized: none; not yet: op 4 read 1");
        assertThat(a.ops()).extracting(Op::index).containsExactly(2L, 3L, 4L, 5L);
    }

    @Test
    void readOfAValueNeverWritten_isNotLinearizable() {
        CheckResult r = casRegister(history()
                .invoke(0, "write", 1L).invoke(1, "read", null)
                .ok(1, "read", 7L).ok(0, "write", 1L).build());
        assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(r.anomalies().get(0).description()).startsWith("read 7 by process 1");
    }

    @Test
    void lostUpdateBetweenTwoCas_isNotLinearizable() {
        CheckResult r = casRegister(history()
                .invoke(0, "write", 0L).ok(0, "write", 0L)
                .invoke(1, "cas", pair(0, 1)).invoke(2, "cas", pair(0, 2))
                .ok(1, "cas", pair(0, 1)).ok(2, "cas", pair(0, 2)).build());
        assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void concurrentWritesMayBeOrderedEitherWay() {
        Hist writes = history()
                .invoke(0, "write", 1L).invoke(1, "write", 2L)
                .ok(1, "write", 2L).ok(0, "write", 1L);
        assertThat(casRegister(copy(writes).invoke(2, "read", null).ok(2, "read", 1L).build()).verdict())
                .isEqualTo(Verdict.VALID);
        assertThat(casRegister(copy(writes).invoke(2, "read", null).ok(2, "read", 2L).build()).verdict())
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void concurrentWritesOrderedBothWaysByTwoLaterReads_isNotLinearizable() {
        CheckResult r = casRegister(history()
                .invoke(0, "write", 1L).invoke(1, "write", 2L)
                .ok(1, "write", 2L).ok(0, "write", 1L)
                .invoke(2, "read", null).ok(2, "read", 1L)
                .invoke(2, "read", null).ok(2, "read", 2L).build());
        assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(r.anomalies().get(0).description()).startsWith("read 2 by process 2 (invoked at op 6, ok at op 7)");
    }

    @Test
    void aReadConcurrentWithAWrite_mayReturnTheOldOrTheNewValue() {
        Hist h = history().invoke(0, "write", 1L).ok(0, "write", 1L)
                .invoke(0, "write", 2L).invoke(1, "read", null).invoke(2, "read", null);
        assertThat(casRegister(copy(h).ok(1, "read", 1L).ok(2, "read", 2L).ok(0, "write", 2L).build()).verdict())
                .isEqualTo(Verdict.VALID);
        assertThat(casRegister(copy(h).ok(1, "read", 2L).ok(2, "read", 1L).ok(0, "write", 2L).build()).verdict())
                .as("reads that do not overlap each other's ends may still see either order")
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void aFailedCasTookNoEffect() {
        assertThat(casRegister(history()
                .invoke(0, "write", 1L).ok(0, "write", 1L)
                .invoke(1, "cas", pair(1, 5)).fail(1, "cas", pair(1, 5))
                .invoke(2, "read", null).ok(2, "read", 1L).build()).verdict()).isEqualTo(Verdict.VALID);
        assertThat(casRegister(history()
                .invoke(0, "write", 1L).ok(0, "write", 1L)
                .invoke(1, "cas", pair(1, 5)).fail(1, "cas", pair(1, 5))
                .invoke(2, "read", null).ok(2, "read", 5L).build()).verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void aCasThatSucceededOnAValueTheRegisterNeverHeld_isNotLinearizable() {
        assertThat(casRegister(history()
                .invoke(0, "write", 1L).ok(0, "write", 1L)
                .invoke(1, "cas", pair(3, 4)).ok(1, "cas", pair(3, 4)).build()).verdict())
                .isEqualTo(Verdict.INVALID);
    }

    @Test
    void anEmptyRegisterReadsNil() {
        assertThat(casRegister(history().invoke(0, "read", null).ok(0, "read", null).build()).verdict())
                .isEqualTo(Verdict.VALID);
        assertThat(casRegister(history().invoke(0, "read", null).ok(0, "read", 0L).build()).verdict())
                .isEqualTo(Verdict.INVALID);
    }

    @Test
    void anEmptyHistory_isLinearizable() {
        assertThat(casRegister(history().build()).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void nemesisRecordsAreIgnored() {
        assertThat(casRegister(history()
                .invoke(0, "write", 1L).info(Op.NEMESIS, "start", "partition").ok(0, "write", 1L)
                .invoke(0, "read", null).ok(0, "read", 1L).build()).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void aCasWithoutTwoValues_isUnknownWithTheReason() {
        CheckResult r = casRegister(history().invoke(0, "cas", 3L).ok(0, "cas", 3L).build());
        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.summary()).contains("op 0: expected a cas value [expected new] but found 3");
    }

    @Test
    void anOpTheModelDoesNotKnow_isUnknownWithTheReason() {
        CheckResult r = casRegister(history().invoke(0, "append", 3L).ok(0, "append", 3L).build());
        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.summary()).contains("the cas-register model has no operation \"append\" (expected read, write or cas)");
    }

    @Test
    void aMalformedHistory_isRefusedAsUnknown() {
        CheckResult r = casRegister(history().invoke(0, "read", null).ok(0, "read", null).ok(0, "read", null).build());
        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.summary()).isEqualTo("the history is malformed (1 problem): op 2: ok without an invoke: "
                + "process 0 has no operation in flight");
    }

    private static Hist copy(Hist h) {
        Hist c = history();
        for (Op op : h.build()) {
            switch (op.type()) {
                case INVOKE -> c.invoke(op.process(), op.f(), op.value());
                case OK -> c.ok(op.process(), op.f(), op.value());
                case FAIL -> c.fail(op.process(), op.f(), op.value());
                case INFO -> c.info(op.process(), op.f(), op.value());
                default -> throw new IllegalStateException();
            }
        }
        return c;
    }
}
