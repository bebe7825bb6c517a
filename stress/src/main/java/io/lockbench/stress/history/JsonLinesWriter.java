package io.lockbench.stress.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a history as JSON Lines while the run goes on: each operation is one line, and by
 * default each line is flushed to the operating system as soon as it is written, so a crashed
 * run loses nothing it had already recorded (at worst the line being written, which the reader
 * recognises and skips with a warning).
 */
public final class JsonLinesWriter implements Closeable, Flushable {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final JsonGenerator generator;
    private final boolean flushEachOp;

    /**
     * @param out         where lines go; closed by {@link #close()}
     * @param flushEachOp flush after every op (what a recorder wants); false batches writes,
     *                    for bulk exports where speed matters more than crash safety
     */
    public JsonLinesWriter(OutputStream out, boolean flushEachOp) throws IOException {
        this.generator = JSON.createGenerator(new BufferedOutputStream(out, 1 << 16));
        this.generator.setRootValueSeparator(null);
        this.flushEachOp = flushEachOp;
    }

    /** A crash-safe writer that creates (or truncates) {@code file}. */
    public static JsonLinesWriter create(Path file) throws IOException {
        return new JsonLinesWriter(Files.newOutputStream(file), true);
    }

    public synchronized void write(Op op) throws IOException {
        JsonOpCodec.write(generator, op);
        generator.writeRaw('\n');
        if (flushEachOp) {
            generator.flush();
        }
    }

    /**
     * Writes a whole history in one go, batched, and whole or not at all: a failed write leaves
     * any earlier {@code file} as it was (see {@link AtomicOutput}).
     */
    public static void write(History history, Path file) throws IOException {
        try (AtomicOutput target = AtomicOutput.create(file)) {
            JsonLinesWriter w = new JsonLinesWriter(target.stream(), false);
            for (Op op : history) {
                w.write(op);
            }
            w.generator.flush();
            target.commit();
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        generator.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        generator.close();
    }
}
