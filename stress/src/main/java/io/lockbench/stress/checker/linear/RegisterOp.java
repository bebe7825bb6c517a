package io.lockbench.stress.checker.linear;

/** What a register or CAS register model sees of an operation. */
public sealed interface RegisterOp {

    /** A read that returned {@code value}. */
    record Read(Object value) implements RegisterOp {
        @Override
        public String toString() {
            return "read " + show(value);
        }
    }

    /** A write of {@code value}. */
    record Write(Object value) implements RegisterOp {
        @Override
        public String toString() {
            return "write " + show(value);
        }
    }

    /** A compare-and-set from {@code expected} to {@code replacement}. */
    record Cas(Object expected, Object replacement) implements RegisterOp {
        @Override
        public String toString() {
            return "cas " + show(expected) + "->" + show(replacement);
        }
    }

    private static String show(Object v) {
        return v == null ? "nil" : v.toString();
    }
}
