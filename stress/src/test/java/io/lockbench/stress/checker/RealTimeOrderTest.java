package io.lockbench.stress.checker;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.stress.checker.RealTimeOrder.Inversion;
import io.lockbench.stress.checker.RealTimeOrder.Valued;
import io.lockbench.stress.history.History;
import io.lockbench.stress.history.History.Operation;
import io.lockbench.stress.history.Op;
import io.lockbench.stress.history.OpType;
import java.util.List;
import org.junit.jupiter.api.Test;

class RealTimeOrderTest {

    private static List<Valued<Operation>> valued(History h, long... values) {
        List<Operation> ops = h.operations();
        return java.util.stream.IntStream.range(0, values.length)
                .mapToObj(i -> new Valued<>(ops.get(i), ops.get(i), values[i])).toList();
    }

    @Test
    void operationThatCompletedBeforeAnotherBegan_precedesIt() {
        History h = new HistoryScript().call(0, "w", null, 1L, null).call(1, "w", null, 2L, null).build();
        Operation a = h.operations().get(0);
        Operation b = h.operations().get(1);

        RealTimeOrder order = RealTimeOrder.of(h);

        assertThat(order.precedes(a, b)).isTrue();
        assertThat(order.precedes(b, a)).isFalse();
    }

    @Test
    void concurrentOperations_precedeNeitherWay() {
        History h = new HistoryScript().invoke(0, "w", null, 1L).invoke(1, "w", null, 2L).ok(0).ok(1).build();
        Operation a = h.operations().get(0);
        Operation b = h.operations().get(1);

        RealTimeOrder order = RealTimeOrder.of(h);

        assertThat(order.precedes(a, b)).isFalse();
        assertThat(order.precedes(b, a)).isFalse();
    }

    @Test
    void operationsNotCompletedOk_precedeNothing() {
        History h = new HistoryScript().invoke(0, "w", null, 1L).info(0).invoke(1, "w", null, 2L).fail(1)
                .call(2, "w", null, 3L, null).build();
        RealTimeOrder order = RealTimeOrder.of(h);
        Operation last = h.operations().get(2);

        assertThat(order.precedes(h.operations().get(0), last)).isFalse();
        assertThat(order.precedes(h.operations().get(1), last)).isFalse();
        assertThat(order.completed(h.operations().get(0))).isEqualTo(RealTimeOrder.NEVER);
    }

    @Test
    void timesDecideOverPositions_andPositionsBreakTies() {
        History h = new History(List.of(
                new Op(0, OpType.INVOKE, 0, "w", null, 1L, 50, null),
                new Op(1, OpType.OK, 0, "w", null, 1L, 60, null),
                new Op(2, OpType.INVOKE, 1, "w", null, 2L, 10, null),
                new Op(3, OpType.OK, 1, "w", null, 2L, 20, null),
                new Op(4, OpType.INVOKE, 2, "w", null, 3L, 20, null),
                new Op(5, OpType.OK, 2, "w", null, 3L, 70, null)));
        RealTimeOrder order = RealTimeOrder.of(h);
        List<Operation> ops = h.operations();

        assertThat(order.precedes(ops.get(1), ops.get(0))).as("by time").isTrue();
        assertThat(order.precedes(ops.get(0), ops.get(1))).isFalse();
        assertThat(order.precedes(ops.get(1), ops.get(2))).as("equal times, by position").isTrue();
    }

    @Test
    void inversions_nameTheGreatestEarlierValue() {
        History h = new HistoryScript().call(0, "w", null, 1L, null).call(1, "w", null, 2L, null)
                .call(2, "w", null, 3L, null).build();
        List<Valued<Operation>> items = valued(h, 5, 9, 7);

        List<Inversion<Operation>> found = RealTimeOrder.of(h).inversions(items, items, true);

        assertThat(found).hasSize(1);
        assertThat(found.get(0).earlier().value()).isEqualTo(9);
        assertThat(found.get(0).later().value()).isEqualTo(7);
    }

    @Test
    void inversions_treatEqualValuesAsTheCallerSays() {
        History h = new HistoryScript().call(0, "w", null, 1L, null).call(1, "w", null, 2L, null).build();
        List<Valued<Operation>> items = valued(h, 4, 4);
        RealTimeOrder order = RealTimeOrder.of(h);

        assertThat(order.inversions(items, items, true)).isEmpty();
        assertThat(order.inversions(items, items, false)).hasSize(1);
    }
}
