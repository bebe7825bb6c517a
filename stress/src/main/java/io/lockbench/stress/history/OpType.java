package io.lockbench.stress.history;

/**
 * How an operation record came about, as in Jepsen: an {@code INVOKE} opens an operation and
 * exactly one of the three completions closes it.
 */
public enum OpType {
    /** A client began the operation. */
    INVOKE,
    /** The operation certainly happened. */
    OK,
    /** The operation certainly did not happen. */
    FAIL,
    /**
     * Nobody knows whether it happened (the connection died during commit, a timeout). The
     * operation may take effect at any time after its invocation, or never. Its process is
     * retired: it never invokes again.
     */
    INFO;

    /** The lower-case name used in JSON Lines and EDN ({@code :invoke}, {@code "ok"} …). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static OpType fromWireName(String name) {
        for (OpType t : values()) {
            if (t.wireName().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException(
                "unknown op type '" + name + "'; expected one of invoke, ok, fail, info");
    }

    public boolean isCompletion() {
        return this != INVOKE;
    }
}
