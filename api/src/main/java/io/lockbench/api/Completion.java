package io.lockbench.api;

import java.util.Objects;

/**
 * How an operation ended, as Jepsen records it.
 *
 * @param outcome   {@link Outcome#OK}, {@link Outcome#FAIL} or {@link Outcome#INFO}
 * @param value     the result (what a read saw, the version an append got …), or {@code null}
 * @param error     why it failed or is unknown, for people; {@code null} when ok
 * @param errorKind a short stable class of the error for the report's failure rates
 *                  ({@code BUSY}, {@code SERIALIZATION_FAILURE}, {@code REJECTED} …), or {@code null}
 */
public record Completion(Outcome outcome, Object value, String error, String errorKind) {

    public Completion {
        Objects.requireNonNull(outcome, "outcome");
    }

    /** The operation happened; {@code value} is its result. */
    public static Completion ok(Object value) {
        return new Completion(Outcome.OK, value, null, null);
    }

    /** The operation certainly did not happen, for a reason the workload expects (a version conflict, a claim held by another). */
    public static Completion fail(String error) {
        return new Completion(Outcome.FAIL, null, error, null);
    }

    /** The operation certainly did not happen; {@code errorKind} classes it in the report. */
    public static Completion fail(String errorKind, String error) {
        return new Completion(Outcome.FAIL, null, error, errorKind);
    }

    /** Nobody knows whether it happened; the process is retired. */
    public static Completion info(String error) {
        return new Completion(Outcome.INFO, null, error, null);
    }

    public static Completion info(String errorKind, String error) {
        return new Completion(Outcome.INFO, null, error, errorKind);
    }

    /** The same outcome with a value (e.g. a failed read's partial result). */
    public Completion withValue(Object newValue) {
        return new Completion(outcome, newValue, error, errorKind);
    }

    public boolean isOk() {
        return outcome == Outcome.OK;
    }

    public boolean isFail() {
        return outcome == Outcome.FAIL;
    }

    public boolean isInfo() {
        return outcome == Outcome.INFO;
    }
}
