package io.lockbench.stress.checker.linear;

import io.lockbench.stress.history.Op;
import java.util.List;

/** Turning history ops into {@link RegisterOp}s, shared by the register models. */
final class RegisterOps {

    private RegisterOps() {
    }

    /**
     * @param allowCas whether {@code cas} is part of the model
     * @return the op, or null for a read that never returned
     */
    static RegisterOp of(String model, Op invocation, Op completion, boolean allowCas) {
        switch (invocation.f()) {
            case "read":
                return completion.isOk() ? new RegisterOp.Read(completion.value()) : null;
            case "write":
                return new RegisterOp.Write(invocation.value());
            case "cas":
                if (!allowCas) {
                    throw new IllegalArgumentException("op " + invocation.index() + ": the " + model
                            + " model has no cas (use cas-register)");
                }
                if (!(invocation.value() instanceof List<?> pair) || pair.size() != 2) {
                    throw new IllegalArgumentException("op " + invocation.index()
                            + ": expected a cas value [expected new] but found " + invocation.value());
                }
                return new RegisterOp.Cas(pair.get(0), pair.get(1));
            default:
                throw new IllegalArgumentException("op " + invocation.index() + ": the " + model
                        + " model has no operation \"" + invocation.f() + "\" (expected "
                        + (allowCas ? "read, write or cas)" : "read or write)"));
        }
    }
}
