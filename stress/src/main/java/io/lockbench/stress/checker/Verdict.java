package io.lockbench.stress.checker;

/** A checker's answer, as Jepsen's {@code :valid?}: true, false or unknown. */
public enum Verdict {
    VALID,
    /** The checker could not decide (time or memory budget spent, input it cannot judge). */
    UNKNOWN,
    INVALID;

    /** A run is as valid as its weakest checker: invalid beats unknown beats valid. */
    public Verdict and(Verdict other) {
        return this.ordinal() >= other.ordinal() ? this : other;
    }

    /** Process exit code for this verdict: 0 valid, 1 invalid, 2 unknown. */
    public int exitCode() {
        return switch (this) {
            case VALID -> 0;
            case INVALID -> 1;
            case UNKNOWN -> 2;
        };
    }
}
