package io.lockbench.stress.checker.linear;

/** What the versioned register model sees of an operation. */
public sealed interface VersionedOp {

    /** A read that returned {@code [version value]}. */
    record Read(long version, Object value) implements VersionedOp {
        @Override
        public String toString() {
            return "read v" + version + "=" + (value == null ? "nil" : value);
        }
    }

    /** A conditional write: set {@code value} if the version is {@code expectedVersion}. */
    record Write(long expectedVersion, Object value) implements VersionedOp {
        @Override
        public String toString() {
            return "write v" + expectedVersion + "->v" + (expectedVersion + 1) + "=" + (value == null ? "nil" : value);
        }
    }
}
