package io.lockbench.stress.checker.linear;

import io.lockbench.stress.history.Op;

/**
 * A counter, for tests only: {@code add n} changes the state by n, so its result depends on the
 * state before it — the case where the search cannot apply indeterminate ops lazily.
 */
final class CounterModel implements Model<Long, CounterModel.Step> {

    record Step(String f, long n) {
    }

    @Override
    public String name() {
        return "counter";
    }

    @Override
    public Long initialState() {
        return 0L;
    }

    @Override
    public Step operation(Op invocation, Op completion) {
        if (invocation.f().equals("read")) {
            return completion.isOk() ? new Step("read", (Long) completion.value()) : null;
        }
        return new Step("add", (Long) invocation.value());
    }

    @Override
    public Long step(Long state, Step op) {
        if (op.f().equals("read")) {
            return state == op.n() ? state : null;
        }
        return state + op.n();
    }

    @Override
    public boolean isReadOnly(Step op) {
        return op.f().equals("read");
    }
}
