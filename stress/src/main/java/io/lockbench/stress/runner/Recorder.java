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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Records every invocation and completion of a run, in the order they happened, into memory (for
 * the checkers) and into {@code history.jsonl} as it goes. A client thread only timestamps the op
 * and appends it under a short lock; a background thread serializes what was appended since its
 * last pass and hands it to the operating system every {@link #FLUSH_EVERY_MS} ms and at the end,
 * so a killed process loses at most the last few ms. The backlog is bounded: a client that finds
 * more than {@link #MAX_BACKLOG} ops unwritten writes them itself before going on.
 */
final class Recorder implements AutoCloseable {

    static final long FLUSH_EVERY_MS = 10;
    static final int MAX_BACKLOG = 1 << 16;

    private final JsonLinesWriter writer;
    private final int maxBacklog;
    private final long startNanos;
    private final List<Op> ops = new ArrayList<>();
    private final Object drainLock = new Object();
    private final Thread flusher;
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong fail = new AtomicLong();
    private final AtomicLong info = new AtomicLong();
    private long nextIndex;
    /** How many of {@link #ops} are in the file's buffer; advanced only under {@link #drainLock}. */
    private volatile int written;
    private volatile boolean closed;
    private volatile IOException writeFailure;

    Recorder(OutputStream out, long startNanos) throws IOException {
        this(out, startNanos, MAX_BACKLOG);
    }

    /** @param maxBacklog unwritten ops beyond which clients write them themselves (tests lower it) */
    Recorder(OutputStream out, long startNanos, int maxBacklog) throws IOException {
        this.maxBacklog = maxBacklog;
        this.writer = new JsonLinesWriter(out, false);
        this.startNanos = startNanos;
        this.flusher = new Thread(this::flushLoop, "lockbench-history-flush");
        flusher.setDaemon(true);
        flusher.start();
    }

    long now() {
        return System.nanoTime() - startNanos;
    }

    Op invoke(long process, OpSpec spec) {
        Op op;
        boolean behind;
        synchronized (this) {
            op = append(new Op(nextIndex++, OpType.INVOKE, process, spec.f(), spec.key(), spec.value(), now(), null));
            behind = isBehind();
        }
        if (behind) {
            drain();
        }
        return op;
    }

    Op complete(long process, OpSpec spec, Completion c) {
        OpType type = switch (c.outcome()) {
            case OK -> OpType.OK;
            case FAIL -> OpType.FAIL;
            case INFO -> OpType.INFO;
        };
        (type == OpType.OK ? ok : type == OpType.FAIL ? fail : info).incrementAndGet();
        String error = c.error() == null && c.errorKind() == null ? null
                : c.errorKind() == null ? c.error() : c.errorKind() + (c.error() == null ? "" : ": " + c.error());
        Object value = c.isOk() || c.value() != null ? c.value() : spec.value();
        Op op;
        boolean behind;
        synchronized (this) {
            op = append(new Op(nextIndex++, type, process, spec.f(), spec.key(), value, now(), error));
            behind = isBehind();
        }
        if (behind) {
            drain();
        }
        return op;
    }

    /** A fault's start or end, as an invoke/info pair of process {@code nemesis}. */
    synchronized void nemesis(String f, String description) {
        append(new Op(nextIndex++, OpType.INVOKE, Op.NEMESIS, f, null, null, now(), null));
        append(new Op(nextIndex++, OpType.INFO, Op.NEMESIS, f, null, description, now(), null));
    }

    private Op append(Op op) {
        ops.add(op);
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

    /** Called under this lock: more unwritten ops than the bound, so the caller writes them. */
    private boolean isBehind() {
        return ops.size() - written > maxBacklog;
    }

    /** Serializes every op appended since the last drain, in order; one drain at a time. */
    private void drain() {
        synchronized (drainLock) {
            Op[] batch;
            synchronized (this) {
                batch = ops.subList(written, ops.size()).toArray(new Op[0]);
            }
            if (writeFailure == null) {
                try {
                    for (Op op : batch) {
                        writer.write(op);
                    }
                } catch (IOException e) {
                    writeFailure = e;
                }
            }
            written += batch.length;
        }
    }

    // Never interrupted: the history's stream may be a channel, which an interrupt closes.
    private void flushLoop() {
        while (!closed) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(FLUSH_EVERY_MS));
            drain();
            if (writeFailure == null) {
                try {
                    writer.flush();
                } catch (IOException e) {
                    writeFailure = e;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(flusher);
        try {
            flusher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the final drain below still writes everything
        }
        drain();
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the history file", e);
        }
        if (writeFailure != null) {
            throw new UncheckedIOException("the history file could not be written completely", writeFailure);
        }
    }
}
