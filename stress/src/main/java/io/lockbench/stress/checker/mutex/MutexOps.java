package io.lockbench.stress.checker.mutex;

import io.lockbench.stress.checker.mutex.ResourceOps.Acquisition;
import io.lockbench.stress.checker.mutex.ResourceOps.FencedWrite;
import io.lockbench.stress.checker.mutex.ResourceOps.Inspection;
import io.lockbench.stress.history.History;
import io.lockbench.stress.history.History.Operation;
import io.lockbench.stress.history.Op;
import io.lockbench.stress.history.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a history's {@code acquire}, {@code release}, {@code fenced-write} and {@code inspect}
 * operations into one {@link ResourceOps} per resource; other operations are ignored.
 */
final class MutexOps {

    static final String ACQUIRE = "acquire";
    static final String RELEASE = "release";
    static final String FENCED_WRITE = "fenced-write";
    static final String INSPECT = "inspect";

    private MutexOps() {
    }

    /** @throws IllegalArgumentException naming the op whose value breaks the conventions */
    static List<ResourceOps> byResource(History history) {
        Map<Object, ResourceOps> resources = new LinkedHashMap<>();
        for (Operation op : history.operations()) {
            String f = op.invoke().f();
            if (!f.equals(ACQUIRE) && !f.equals(RELEASE) && !f.equals(FENCED_WRITE) && !f.equals(INSPECT)) {
                continue;
            }
            ResourceOps r = resources.computeIfAbsent(op.invoke().key(), k -> new ResourceOps(k,
                    new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
            switch (f) {
                case ACQUIRE -> r.acquisitions().add(acquisition(op));
                case RELEASE -> r.releases().add(op);
                case FENCED_WRITE -> r.writes().add(write(op));
                default -> {
                    if (op.ok()) {
                        r.inspections().add(inspection(op));
                    }
                }
            }
        }
        return List.copyOf(resources.values());
    }

    private static Acquisition acquisition(Operation op) {
        if (!op.ok()) {
            return new Acquisition(op, null, false);
        }
        Object value = op.completion().value();
        if (value == null) {
            return new Acquisition(op, null, false);
        }
        Long token = Values.asLong(value);
        if (token != null) {
            return new Acquisition(op, token, false);
        }
        if (value instanceof Map<?, ?> m) {
            Object t = field(m, "token");
            Object takeover = field(m, "takeover");
            token = t == null ? null : Values.asLong(t);
            if ((t == null || token != null) && (takeover == null || takeover instanceof Boolean)) {
                return new Acquisition(op, token, Boolean.TRUE.equals(takeover));
            }
        }
        throw new IllegalArgumentException(where(op.completion()) + "an ok acquire's value must be a fencing "
                + "token (integer) or {token, takeover}, got " + value);
    }

    private static FencedWrite write(Operation op) {
        Object value = op.invoke().value();
        Long token = Values.asLong(value instanceof Map<?, ?> m ? field(m, "token") : value);
        if (token == null) {
            throw new IllegalArgumentException(where(op.invoke()) + "a fenced-write's value must be the fencing "
                    + "token its writer holds (integer), got " + value);
        }
        return new FencedWrite(op, token);
    }

    private static Inspection inspection(Operation op) {
        if (!(op.completion().value() instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(where(op.completion()) + "an ok inspect's value must be a map "
                    + "{active-claims, active-session, claim-session}, got " + op.completion().value());
        }
        Object n = field(m, "active-claims");
        Long claims = n == null ? null : Values.asLong(n);
        if (n != null && claims == null) {
            throw new IllegalArgumentException(where(op.completion()) + "active-claims must be an integer, got " + n);
        }
        boolean sessionsReported = has(m, "active-session") && has(m, "claim-session");
        return new Inspection(op, claims, field(m, "active-session"), field(m, "claim-session"), sessionsReported);
    }

    /** A map entry by name, whichever way a format spelled it: token, :token; active-claims, active_claims. */
    private static Object field(Map<?, ?> m, String name) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (name.equals(normalName(e.getKey()))) {
                return e.getValue();
            }
        }
        return null;
    }

    private static boolean has(Map<?, ?> m, String name) {
        return m.keySet().stream().anyMatch(k -> name.equals(normalName(k)));
    }

    private static String normalName(Object key) {
        String s = String.valueOf(key);
        return (s.startsWith(":") ? s.substring(1) : s).replace('_', '-');
    }


    private static String where(Op record) {
        return "op " + record.index() + ": ";
    }
}
