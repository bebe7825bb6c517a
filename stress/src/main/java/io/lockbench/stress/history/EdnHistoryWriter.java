package io.lockbench.stress.history;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Exports a history as Jepsen EDN, one operation map per line (Jepsen's {@code history.edn}),
 * or, with {@code vector = true}, as one vector of maps (Knossos's test data):
 * {@code {:index 0, :type :invoke, :process 3, :f :cas, :value [1 2], :time 123}}.
 *
 * <p>An op with a key is written as Jepsen writes independent histories, {@code :value [key v]};
 * read it back with {@code independent = true}. {@code :error} is written only when present.
 */
public final class EdnHistoryWriter implements Closeable, Flushable {

    private final Writer out;
    private final boolean vector;
    private boolean first = true;

    public EdnHistoryWriter(Writer out, boolean vector) {
        this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16);
        this.vector = vector;
    }

    public static void write(History history, Path file, boolean vector) throws IOException {
        try (EdnHistoryWriter w = new EdnHistoryWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), vector)) {
            for (Op op : history) {
                w.write(op);
            }
        }
    }

    public void write(Op op) throws IOException {
        if (vector) {
            out.write(first ? "[" : " ");
        }
        first = false;
        out.write(format(op));
        out.write('\n');
    }

    /** One op as an EDN map. */
    public static String format(Op op) {
        Object value = op.key() == null ? op.value() : Arrays.asList(op.key(), op.value());
        StringBuilder b = new StringBuilder(96)
                .append("{:index ").append(op.index())
                .append(", :type :").append(op.type().wireName())
                .append(", :process ").append(op.process() == Op.NEMESIS ? ":nemesis" : Long.toString(op.process()))
                .append(", :f ").append(EdnValues.keywordOrString(op.f()))
                .append(", :value ").append(EdnValues.print(value))
                .append(", :time ").append(op.time());
        if (op.error() != null) {
            b.append(", :error ").append(EdnValues.print(op.error()));
        }
        return b.append('}').toString();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (vector) {
            out.write(first ? "[]\n" : "]\n");
        }
        out.close();
    }
}
