package io.lockbench.api;

import java.util.Objects;

/**
 * How an operation ended, as Jepsen records it.
 *
 * @param outcome   {@link Outcome#OK}, {@link Outcome#FAIL} or {@link Outcome#INFO}
 * @param value     the result (what a read saw, the version an append got …), or {@code null}
 * @param error     why it failed or is unknown, for people; {@code null} when ok
 * @param errorKind a short stable class of the error for the report's failure rates
 *                  ({@code BUSY}, {@code SERIALIZATION_FAILURE}, {@code VERSION_CONFLICT} …), or {@code null}
 */
public record Completion(Outcome outcome, Object value, String error, String errorKind) {

    /**
     * A completion; {@code outcome} is required.
     *
     * @param outcome   how it ended; never null
     * @param value     the result, or {@code null}
     * @param error     why it failed or is unknown, or {@code null}
     * @param errorKind the error's class, or {@code null}
     */
    public Completion {
        Objects.requireNonNull(outcome, "outcome");
    }

    /**
     * The operation happened.
     *
     * @param value its result, as the workload documents it
     * @return an {@code ok} completion
     */
    public static Completion ok(Object value) {
        return new Completion(Outcome.OK, value, null, null);
    }

    /**
     * The operation certainly did not happen, for a reason the workload expects (a version
     * conflict, a claim held by another).
     *
     * @param error why, for people
     * @return a {@code fail} completion
     */
    public static Completion fail(String error) {
        return new Completion(Outcome.FAIL, null, error, null);
    }

    /**
     * The operation certainly did not happen.
     *
     * @param errorKind the class of the failure in the report ({@code VERSION_CONFLICT})
     * @param error     why, for people
     * @return a {@code fail} completion
     */
    public static Completion fail(String errorKind, String error) {
        return new Completion(Outcome.FAIL, null, error, errorKind);
    }

    /**
     * Nobody knows whether the operation happened; the process is retired.
     *
     * @param error why, for people
     * @return an {@code info} completion
     */
    public static Completion info(String error) {
        return new Completion(Outcome.INFO, null, error, null);
    }

    /**
     * Nobody knows whether the operation happened; the process is retired.
     *
     * @param errorKind the class of the error in the report ({@code CONNECTION_LOST})
     * @param error     why, for people
     * @return an {@code info} completion
     */
    public static Completion info(String errorKind, String error) {
        return new Completion(Outcome.INFO, null, error, errorKind);
    }

    /**
     * The same outcome with a value (e.g. a failed read's partial result).
     *
     * @param newValue the value
     * @return a new completion
     */
    public Completion withValue(Object newValue) {
        return new Completion(outcome, newValue, error, errorKind);
    }

    /**
     * How it ended.
     *
     * @return never null
     */
    @Override
    public Outcome outcome() {
        return outcome;
    }

    /**
     * Its result.
     *
     * @return plain data, or {@code null}
     */
    @Override
    public Object value() {
        return value;
    }

    /**
     * Why it failed or is unknown.
     *
     * @return the reason for people, or {@code null}
     */
    @Override
    public String error() {
        return error;
    }

    /**
     * The class of its error.
     *
     * @return a short stable name, or {@code null}
     */
    @Override
    public String errorKind() {
        return errorKind;
    }

    /**
     * Whether it happened.
     *
     * @return true for {@link Outcome#OK}
     */
    public boolean isOk() {
        return outcome == Outcome.OK;
    }

    /**
     * Whether it certainly did not happen.
     *
     * @return true for {@link Outcome#FAIL}
     */
    public boolean isFail() {
        return outcome == Outcome.FAIL;
    }

    /**
     * Whether nobody knows.
     *
     * @return true for {@link Outcome#INFO}
     */
    public boolean isInfo() {
        return outcome == Outcome.INFO;
    }
}
