package io.lockbench.stress.checker.linear;

/** The state of a versioned register: a value and the number of writes that produced it. */
public record VersionedValue(long version, Object value) {
    public static final VersionedValue INITIAL = new VersionedValue(0, null);

    @Override
    public String toString() {
        return "v" + version + "=" + (value == null ? "nil" : value);
    }
}
