package io.lockbench.stress.checker.linear;

import io.lockbench.stress.history.Op;

/**
 * Knossos's {@code cas-register}: a register, initially {@code nil}, with {@code read},
 * {@code write v} and {@code cas [expected new]}, which sets {@code new} only if the register
 * holds {@code expected}. A cas that found another value is recorded as {@code fail} and so
 * never reaches the model.
 */
public final class CasRegisterModel implements Model<RegisterValue, RegisterOp> {

    public static final String NAME = "cas-register";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RegisterValue initialState() {
        return RegisterValue.NIL;
    }

    @Override
    public RegisterOp operation(Op invocation, Op completion) {
        return RegisterOps.of(NAME, invocation, completion, true);
    }

    @Override
    public RegisterValue step(RegisterValue state, RegisterOp op) {
        return RegisterModel.apply(state, op);
    }

    @Override
    public boolean isReadOnly(RegisterOp op) {
        return op instanceof RegisterOp.Read
                || op instanceof RegisterOp.Cas c && java.util.Objects.equals(c.expected(), c.replacement());
    }

    @Override
    public RegisterValue determinedSuccessor(RegisterOp op) {
        return RegisterModel.successor(op);
    }
}
