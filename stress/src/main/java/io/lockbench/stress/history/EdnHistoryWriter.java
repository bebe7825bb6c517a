package io.lockbench.stress.history;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Exports a history as Jepsen EDN, one operation map per line (Jepsen's {@code history.edn}),
 * or, with {@code vector = true}, as one vector of maps (Knossos's test data):
 * {@code {:index 0, :type :invoke, :process 3, :f :cas, :value [1 2], :time 123}}.
 *
 * <p>A history with keys is written as Jepsen writes independent histories, every client op's
 * value as {@code [key v]} ({@code [nil v]} for an op without a key), so that it reads back with
 * {@code independent = true}. {@code :error} is written only when present.
 */
public final class EdnHistoryWriter implements Closeable, Flushable {

    private final Writer out;
    private final boolean vector;
    private final boolean keyed;
    private boolean first = true;
    private boolean finished;

    /**
     * @param vector one vector of maps instead of one map per line
     * @param keyed  write every client op's value as {@code [key v]} (an independent history)
     */
    public EdnHistoryWriter(Writer out, boolean vector, boolean keyed) {
        this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16);
        this.vector = vector;
        this.keyed = keyed;
    }

    /** Writes {@code file} whole or not at all (see {@link AtomicOutput}). */
    public static void write(History history, Path file, boolean vector) throws IOException {
        boolean keyed = history.ops().stream().anyMatch(op -> op.key() != null);
        try (AtomicOutput target = AtomicOutput.create(file)) {
            EdnHistoryWriter w = new EdnHistoryWriter(
                    new OutputStreamWriter(target.stream(), StandardCharsets.UTF_8), vector, keyed);
            for (Op op : history) {
                w.write(op);
            }
            w.finish();
            target.commit();
        }
    }

    public void write(Op op) throws IOException {
        if (vector) {
            out.write(first ? "[" : " ");
        }
        first = false;
        out.write(format(op, keyed && op.process() != Op.NEMESIS));
        out.write('\n');
    }

    /** One op as an EDN map, its key (if any) in the value as Jepsen's independent histories have it. */
    public static String format(Op op) {
        return format(op, op.key() != null);
    }

    private static String format(Op op, boolean withKey) {
        Object value = withKey ? Arrays.asList(op.key(), op.value()) : op.value();
        StringBuilder b = new StringBuilder(96)
                .append("{:index ").append(op.index())
                .append(", :type :").append(op.type().wireName())
                .append(", :process ").append(op.process() == Op.NEMESIS ? ":nemesis" : Long.toString(op.process()))
                .append(", :f ").append(EdnValues.keywordOrString(op.f()))
                .append(", :value ");
        EdnValues.print(value, b);
        b.append(", :time ").append(op.time());
        if (op.error() != null) {
            b.append(", :error ");
            EdnValues.print(op.error(), b);
        }
        return b.append('}').toString();
    }

    /** Ends the vector (if any) and flushes, without closing the underlying writer. */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        if (vector) {
            out.write(first ? "[]\n" : "]\n");
            first = false;
        }
        out.flush();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        finish();
        out.close();
    }
}
