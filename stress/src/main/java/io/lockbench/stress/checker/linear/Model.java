package io.lockbench.stress.checker.linear;

import io.lockbench.stress.history.Op;

/**
 * A sequential specification, Porcupine/Knossos style: a pure {@code step(state, op)} from a
 * state to the next state, or to nothing when the op cannot happen in that state.
 *
 * <p>States and ops are values (records): the search interns them and memoizes {@code step}, so
 * {@code equals}/{@code hashCode} must reflect the value and {@code step} must be pure.
 * {@code toString} of both appears in reports, so make it readable.
 *
 * @param <S> the state
 * @param <O> the model's view of an operation (f and arguments, and the result it reported)
 */
public interface Model<S, O> {

    /** The name used on the command line ({@code cas-register}). */
    String name();

    S initialState();

    /**
     * The model's view of an operation that happened ({@code completion} is {@code ok}) or may
     * have ({@code completion} is {@code info}, or a synthetic {@code info} for an op that never
     * completed; values are then the invocation's). Failed ops never get here.
     *
     * @return the op, or {@code null} when it cannot constrain anything (a read that never
     *         returned a value)
     * @throws IllegalArgumentException when the op is not one this model knows (a message that
     *                                  names the f or value, and what was expected)
     */
    O operation(Op invocation, Op completion);

    /** The state after {@code op}, or {@code null} if {@code op} cannot happen in {@code state}. */
    S step(S state, O op);

    /**
     * True if {@code op} leaves every state it can happen in unchanged (a read). The search
     * linearizes such ops as soon as they are consistent, which keeps it from enumerating orders
     * of concurrent reads.
     */
    default boolean isReadOnly(O op) {
        return false;
    }

    /**
     * The state {@code op} leaves whenever it can happen, if that does not depend on the state
     * before it (a write of 3 always leaves 3; a read of 3 can only happen in 3), else
     * {@code null}. When every completed op has one, the search applies indeterminate ops only
     * at the moment one is needed to explain an observation, instead of trying them everywhere.
     */
    default S determinedSuccessor(O op) {
        return null;
    }
}
