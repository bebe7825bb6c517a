package io.lockbench.stress.checker.linear;

import io.lockbench.stress.history.Op;
import java.util.Objects;

/**
 * A read/write register, initially {@code nil}: {@code write v} sets it, {@code read} returns it.
 * Values are compared with {@code equals} (1 and 1.0 differ).
 */
public final class RegisterModel implements Model<RegisterValue, RegisterOp> {

    public static final String NAME = "register";

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
        return RegisterOps.of(NAME, invocation, completion, false);
    }

    @Override
    public RegisterValue step(RegisterValue state, RegisterOp op) {
        return apply(state, op);
    }

    /** The register semantics, shared with the CAS register. */
    static RegisterValue apply(RegisterValue state, RegisterOp op) {
        if (op instanceof RegisterOp.Read r) {
            return Objects.equals(r.value(), state.value()) ? state : null;
        }
        if (op instanceof RegisterOp.Write w) {
            return new RegisterValue(w.value());
        }
        RegisterOp.Cas c = (RegisterOp.Cas) op;
        return Objects.equals(c.expected(), state.value()) ? new RegisterValue(c.replacement()) : null;
    }

    @Override
    public boolean isReadOnly(RegisterOp op) {
        return op instanceof RegisterOp.Read;
    }

    @Override
    public RegisterValue determinedSuccessor(RegisterOp op) {
        return successor(op);
    }

    static RegisterValue successor(RegisterOp op) {
        if (op instanceof RegisterOp.Read r) {
            return new RegisterValue(r.value());
        }
        if (op instanceof RegisterOp.Write w) {
            return new RegisterValue(w.value());
        }
        return new RegisterValue(((RegisterOp.Cas) op).replacement());
    }
}
