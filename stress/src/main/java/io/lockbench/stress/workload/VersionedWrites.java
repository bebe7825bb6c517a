package io.lockbench.stress.workload;

import io.lockbench.api.Completion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The optimistic retry loop of one worker, spread over operations: write from the version last
 * read or written, and re-read after anything but a successful write. Shared by the workloads
 * whose objects are versioned ({@code read} → {@code [version, value]}, {@code write [expected, new]}).
 */
final class VersionedWrites {

    private final Map<Object, Long> lastSeen = new HashMap<>();
    private final String payloadPrefix;
    private long written;

    VersionedWrites(int worker) {
        this.payloadPrefix = "w" + worker + "-";
    }

    /** A read of {@code key} if its version is unknown or {@code preferRead}, else a write from that version. */
    OpSpec next(Object key, boolean preferRead) {
        Long version = lastSeen.get(key);
        if (version == null || preferRead) {
            return new OpSpec("read", key, null);
        }
        return new OpSpec("write", key, List.of(version, payloadPrefix + (++written)));
    }

    void completed(OpSpec op, Completion c) {
        if (c.isOk() && op.f().equals("read") && c.value() instanceof List<?> vv && !vv.isEmpty()
                && vv.get(0) instanceof Number n) {
            lastSeen.put(op.key(), n.longValue());
        } else if (c.isOk() && op.f().equals("write")) {
            lastSeen.put(op.key(), ((Number) ((List<?>) op.value()).get(0)).longValue() + 1);
        } else if (!c.isOk() && (op.f().equals("read") || op.f().equals("write"))) {
            lastSeen.remove(op.key());
        }
    }
}
