package io.lockbench.stress.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryValidatorTest {

    private final List<Op> ops = new ArrayList<>();

    private HistoryValidatorTest op(OpType type, long process, String f, Object key) {
        ops.add(new Op(ops.size(), type, process, f, key, null, ops.size(), null));
        return this;
    }

    private List<String> problems() {
        return HistoryValidator.validate(new History(ops)).stream().map(HistoryProblem::toString).toList();
    }

    @Test
    void aWellFormedHistoryHasNoProblems() {
        op(OpType.INVOKE, 0, "write", null).op(OpType.INVOKE, 1, "read", null)
                .op(OpType.INFO, Op.NEMESIS, "start", null)
                .op(OpType.OK, 0, "write", null).op(OpType.INFO, 1, "read", null)
                .op(OpType.INVOKE, 0, "cas", null).op(OpType.FAIL, 0, "cas", null)
                .op(OpType.INVOKE, 11, "read", null);
        assertThat(problems()).isEmpty();
    }

    @Test
    void aCompletionWithoutInvoke_isReportedWithItsIndex() {
        op(OpType.INVOKE, 0, "read", null).op(OpType.OK, 0, "read", null).op(OpType.OK, 0, "read", null);
        assertThat(problems()).containsExactly("op 2: ok without an invoke: process 0 has no operation in flight");
    }

    @Test
    void twoOpsInFlightOnOneProcess_isReported() {
        op(OpType.INVOKE, 0, "read", null).op(OpType.INVOKE, 0, "write", null);
        assertThat(problems()).containsExactly("op 1: process 0 invokes while its op 0 is still in flight");
    }

    @Test
    void aProcessInvokingAgainAfterInfo_isReported() {
        op(OpType.INVOKE, 0, "write", null).op(OpType.INFO, 0, "write", null).op(OpType.INVOKE, 0, "read", null);
        assertThat(problems()).containsExactly("op 2: process 0 invokes again after its op 1 ended with info "
                + "(a process whose op is indeterminate is retired)");
    }

    @Test
    void aCompletionWhoseFOrKeyDiffers_isReported() {
        op(OpType.INVOKE, 0, "read", "a").op(OpType.OK, 0, "write", "b");
        assertThat(problems()).containsExactly(
                "op 1: completion's f \"write\" differs from its invocation's f \"read\" (op 0)",
                "op 1: completion's key b differs from its invocation's key a (op 0)");
    }

    @Test
    void indexesThatDoNotIncrease_areReported() {
        ops.add(new Op(5, OpType.INVOKE, 0, "read", null, null, 0, null));
        ops.add(new Op(5, OpType.OK, 0, "read", null, null, 0, null));
        assertThat(problems()).containsExactly("op 5: index 5 does not increase (the op before it has index 5)");
    }

    @Test
    void theSummaryShowsTheFirstProblemsAndTheCount() {
        op(OpType.OK, 0, "read", null).op(OpType.OK, 1, "read", null).op(OpType.OK, 2, "read", null)
                .op(OpType.OK, 3, "read", null);
        assertThat(HistoryValidator.summarize(HistoryValidator.validate(new History(ops))))
                .startsWith("the history is malformed (4 problems): op 0: ok without an invoke")
                .endsWith("; ...");
    }
}
