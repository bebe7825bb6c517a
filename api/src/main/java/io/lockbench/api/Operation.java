package io.lockbench.api;

/**
 * One operation a client is asked to perform, as Jepsen's op map: what to do ({@code f}), on
 * which object ({@code key}) and with which argument ({@code value}).
 *
 * <p>Values are plain data: {@code null}, {@link Long}, {@link Double}, {@link String}, {@link
 * Boolean}, {@link java.util.List} and {@link java.util.Map} of those. Each workload documents its
 * {@code f}s and values (for the register workload: {@code read} with a {@code null} value;
 * {@code write} with {@code [expectedVersion, newValue]}).
 *
 * @param process the history's process id of the client performing it
 * @param f       what to do: {@code read}, {@code write}, {@code append}, {@code acquire} …
 * @param key     the object, or {@code null} for a workload with one object
 * @param value   the argument, or {@code null}
 */
public record Operation(long process, String f, Object key, Object value) {

    public Operation {
        if (f == null || f.isEmpty()) {
            throw new IllegalArgumentException("an operation needs an f");
        }
    }
}
