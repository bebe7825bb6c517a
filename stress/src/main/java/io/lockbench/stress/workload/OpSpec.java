package io.lockbench.stress.workload;

/**
 * An operation a generator wants performed, before a process is assigned to it.
 *
 * @param f     what to do
 * @param key   the object, or {@code null}
 * @param value the argument, or {@code null}
 */
public record OpSpec(String f, Object key, Object value) {
}
