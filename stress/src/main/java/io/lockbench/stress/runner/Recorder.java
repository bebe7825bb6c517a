package io.lockbench.stress.runner;

import io.lockbench.api.Completion;
import io.lockbench.stress.history.JsonLinesWriter;
import io.lockbench.stress.history.Op;
import io.lockbench.stress.history.OpType;
import io.lockbench.stress.workload.OpSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records every invocation and completion of a run, in the order they happened, into memory (for
 * the checkers) and into {@code history.jsonl} as it goes. Lines are buffered and flushed to the
 * operating system by a background thread every {@link #FLUSH_EVERY_MS} ms and at the end, so
 * recording costs a fraction of an operation; a killed process loses at most the last few ms.
 */
final class Recorder implements AutoCloseable {

    static final long FLUSH_EVERY_MS = 10;

    private final JsonLinesWriter writer;
    private final long startNanos;
    private final List<Op> ops = new ArrayList<>();
    private final Thread flusher;
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong fail = new AtomicLong();
    private final AtomicLong info = new AtomicLong();
    private long nextIndex;
    private volatile boolean closed;
    private IOException writeFailure;

    Recorder(OutputStream out, long startNanos) throws IOException {
        this.writer = new JsonLinesWriter(out, false);
        this.startNanos = startNanos;
        this.flusher = new Thread(this::flushLoop, "lockbench-history-flush");
        flusher.setDaemon(true);
        flusher.start();
    }

    long now() {
        return System.nanoTime() - startNanos;
    }

    synchronized Op invoke(long process, OpSpec spec) {
        return append(new Op(nextIndex++, OpType.INVOKE, process, spec.f(), spec.key(), spec.value(), now(), null));
    }

    synchronized Op complete(long process, OpSpec spec, Completion c) {
        OpType type = switch (c.outcome()) {
            case OK -> OpType.OK;
            case FAIL -> OpType.FAIL;
            case INFO -> OpType.INFO;
        };
        (type == OpType.OK ? ok : type == OpType.FAIL ? fail : info).incrementAndGet();
        String error = c.error() == null && c.errorKind() == null ? null
                : c.errorKind() == null ? c.error() : c.errorKind() + (c.error() == null ? "" : ": " + c.error());
        Object value = c.isOk() || c.value() != null ? c.value() : spec.value();
        return append(new Op(nextIndex++, type, process, spec.f(), spec.key(), value, now(), error));
    }

    /** A fault's start or end, as an invoke/info pair of process {@code nemesis}. */
    synchronized void nemesis(String f, String description) {
        append(new Op(nextIndex++, OpType.INVOKE, Op.NEMESIS, f, null, null, now(), null));
        append(new Op(nextIndex++, OpType.INFO, Op.NEMESIS, f, null, description, now(), null));
    }

    private Op append(Op op) {
        ops.add(op);
        if (writeFailure == null) {
            try {
                writer.write(op);
            } catch (IOException e) {
                writeFailure = e;
            }
        }
        return op;
    }

    synchronized List<Op> ops() {
        return List.copyOf(ops);
    }

    long okCount() {
        return ok.get();
    }

    long failCount() {
        return fail.get();
    }

    long infoCount() {
        return info.get();
    }

    private void flushLoop() {
        while (!closed) {
            try {
                Thread.sleep(FLUSH_EVERY_MS);
                writer.flush();
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                synchronized (this) {
                    writeFailure = e;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        flusher.interrupt();
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the history file", e);
        }
        synchronized (this) {
            if (writeFailure != null) {
                throw new UncheckedIOException("the history file could not be written completely", writeFailure);
            }
        }
    }
}
