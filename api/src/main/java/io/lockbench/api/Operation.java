package io.lockbench.api;

/**
 * One operation a client is asked to perform, as Jepsen's op map: what to do ({@code f}), on
 * which object ({@code key}) and with which argument ({@code value}).
 *
 * <p>Values are plain data: {@code null}, {@link Long}, {@link Double}, {@link String}, {@link
 * Boolean}, {@link java.util.List} and {@link java.util.Map} of those. Each workload documents its
 * {@code f}s and values; the register workload: {@code read} with a {@code null} value, answered
 * {@code [version, value]} ({@code [0, null]} for a record not yet written); {@code write} with
 * {@code [expectedVersion, newValue]}, ok only when the record was at {@code expectedVersion}
 * (0: it did not exist) and is now at {@code expectedVersion + 1}.
 *
 * @param process the history's process id of the client performing it
 * @param f       what to do: {@code read}, {@code write}, {@code append}, {@code acquire} …
 * @param key     the object, or {@code null} for a workload with one object
 * @param value   the argument, or {@code null}
 */
public record Operation(long process, String f, Object key, Object value) {

    /**
     * An operation; {@code f} is required.
     *
     * @param process the history's process id of the client performing it
     * @param f       what to do; never null or empty
     * @param key     the object, or {@code null}
     * @param value   the argument, or {@code null}
     */
    public Operation {
        if (f == null || f.isEmpty()) {
            throw new IllegalArgumentException("an operation needs an f");
        }
    }

    /**
     * The history's process id of the client performing it.
     *
     * @return the process id
     */
    @Override
    public long process() {
        return process;
    }

    /**
     * What to do.
     *
     * @return the operation's function: {@code read}, {@code write}, {@code append} …
     */
    @Override
    public String f() {
        return f;
    }

    /**
     * The object it acts on.
     *
     * @return the key (a {@link String} in lockbench's workloads), or {@code null}
     */
    @Override
    public Object key() {
        return key;
    }

    /**
     * Its argument.
     *
     * @return plain data, or {@code null}
     */
    @Override
    public Object value() {
        return value;
    }
}
