package io.lockbench.stress.checker.sequence;

import io.lockbench.stress.checker.sequence.FileOps.Append;
import io.lockbench.stress.checker.sequence.FileOps.Entry;
import io.lockbench.stress.checker.sequence.FileOps.Read;
import io.lockbench.stress.history.History;
import io.lockbench.stress.history.History.Operation;
import io.lockbench.stress.history.Op;
import io.lockbench.stress.history.Values;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a history's {@code append} and {@code read} operations into one {@link FileOps} per file.
 * Other operations are ignored, so the checker composes with others on one history.
 */
final class SequenceOps {

    static final String APPEND = "append";
    static final String READ = "read";

    private SequenceOps() {
    }

    /** @throws IllegalArgumentException naming the op whose value breaks the conventions */
    static List<FileOps> byFile(History history) {
        Map<Object, FileOps> files = new LinkedHashMap<>();
        for (Operation op : history.operations()) {
            String f = op.invoke().f();
            if (!f.equals(APPEND) && !f.equals(READ)) {
                continue;
            }
            FileOps file = files.computeIfAbsent(op.invoke().key(),
                    k -> new FileOps(k, new ArrayList<>(), new ArrayList<>()));
            if (f.equals(APPEND)) {
                file.appends().add(append(op));
            } else if (op.ok()) {
                file.reads().add(read(op));
            }
        }
        for (FileOps file : files.values()) {
            file.reads().sort(Comparator.comparingInt(r -> r.operation().completePosition()));
            requireUniquePayloads(file);
        }
        return List.copyOf(files.values());
    }

    /** The checker identifies appends by payload, so a payload appended twice cannot be judged. */
    private static void requireUniquePayloads(FileOps file) {
        Map<Object, Append> seen = new java.util.HashMap<>();
        for (Append a : file.appends()) {
            Append earlier = seen.putIfAbsent(a.payload(), a);
            if (earlier != null) {
                throw new IllegalArgumentException(where(a.operation().invoke()) + "payload " + a.payload()
                        + " was already appended to file " + file.file() + " by op "
                        + earlier.operation().invoke().index() + "; payloads must be unique per file");
            }
        }
    }

    private static Append append(Operation op) {
        Object payload = op.invoke().value();
        if (payload == null) {
            throw new IllegalArgumentException(where(op.invoke()) + "an append's invocation value must be its payload, got nil");
        }
        Long version = null;
        if (op.ok() && op.completion().value() != null) {
            version = Values.asLong(op.completion().value());
            if (version == null) {
                throw new IllegalArgumentException(where(op.completion()) + "an ok append's value must be the version number "
                        + "it was assigned, got " + op.completion().value());
            }
        }
        return new Append(op, payload, version);
    }

    private static Read read(Operation op) {
        Object value = op.completion().value();
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(where(op.completion()) + "an ok read's value must be a list of [version payload] "
                    + "pairs, got " + value);
        }
        List<Entry> entries = new ArrayList<>(list.size());
        for (Object item : list) {
            Long version = item instanceof List<?> pair && pair.size() == 2 ? Values.asLong(pair.get(0)) : null;
            if (version == null) {
                throw new IllegalArgumentException(where(op.completion()) + "each entry of a read must be [version payload] "
                        + "with an integer version, got " + item);
            }
            entries.add(new Entry(version, ((List<?>) item).get(1)));
        }
        return new Read(op, List.copyOf(entries));
    }


    private static String where(Op record) {
        return "op " + record.index() + ": ";
    }
}
