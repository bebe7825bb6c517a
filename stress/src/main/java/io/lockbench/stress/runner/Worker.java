package io.lockbench.stress.runner;

import io.lockbench.api.Client;
import io.lockbench.api.Completion;
import io.lockbench.api.Operation;
import io.lockbench.impl.db.Database;
import io.lockbench.stress.client.Completions;
import io.lockbench.stress.nemesis.ClientHandle;
import io.lockbench.stress.workload.Generator;
import io.lockbench.stress.workload.OpSpec;
import java.util.concurrent.locks.LockSupport;

/**
 * One client thread: takes its generator's next operation, records the invocation, runs it on the
 * client, records the completion, and tells the generator. An {@code info} completion retires the
 * process: its client is closed and a new one continues under a fresh process id, as the history
 * rules require (a process never has two operations in flight, and an unknown one may still land).
 */
final class Worker implements ClientHandle, Runnable {

    private final int index;
    private final Generator generator;
    private final RunState run;
    private final OpStats stats = new OpStats();
    private final long intervalNanos;
    private volatile long process;
    private volatile Database database;
    /** Armed pause: stop before the next op with this f ("" for any), until resumed; null when not armed. */
    private volatile String pauseBefore;
    private volatile java.util.concurrent.atomic.AtomicInteger pauseTickets;
    private volatile boolean paused;
    private volatile long opStartedAt;
    private volatile Client client;
    private final SkewableClock clock = new SkewableClock();

    Worker(int index, Generator generator, RunState run, long firstProcess, long intervalNanos) {
        this.index = index;
        this.generator = generator;
        this.run = run;
        this.process = firstProcess;
        this.intervalNanos = intervalNanos;
    }

    @Override
    public void run() {
        try {
            if (!openClient()) {
                return;
            }
            run.openedAndWaitForStart();
            long nextSlot = System.nanoTime();
            while (run.running()) {
                if (intervalNanos > 0) {
                    nextSlot = Math.max(nextSlot + intervalNanos, System.nanoTime() - intervalNanos);
                    sleepUntil(nextSlot);
                }
                if (!run.takeTicket()) {
                    break;
                }
                OpSpec spec = generator.next();
                awaitPause(spec);
                if (!run.running()) {
                    break;
                }
                Completion c = perform(spec);
                generator.completed(spec, c);
                if (c.isInfo()) {
                    retire();
                    process = run.nextProcess();
                    if (!openClient()) {
                        break;
                    }
                }
            }
        } catch (RuntimeException e) {
            run.workerFailed(index, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly();
        }
    }

    private Completion perform(OpSpec spec) {
        long p = process;
        run.recorder().invoke(p, spec);
        long start = System.nanoTime();
        opStartedAt = start;
        Completion c;
        try {
            c = client.invoke(new Operation(p, spec.f(), spec.key(), spec.value()));
            if (c == null) {
                c = Completion.info("CLIENT_ERROR", "the client returned no completion");
            }
        } catch (Exception e) {
            c = Completions.fromException(e, run.dialect(), run.readOnly(spec.f()));
        }
        long elapsed = System.nanoTime() - start;
        opStartedAt = 0;
        run.recorder().complete(p, spec, c);
        stats.record(spec.f(), c, elapsed);
        return c;
    }

    /**
     * Opens a client for the current process. One that cannot open (the server is down, its
     * process was killed while starting) is retired and the next process tries, until the run ends.
     */
    private boolean openClient() {
        for (int attempt = 1; run.running(); attempt++) {
            try {
                database = run.openPool();
                client = run.newClient();
                client.open(run.context(database, process, clock));
                return true;
            } catch (Exception e) {
                run.clientDidNotOpen(process, e);
                if (client != null) {
                    retire();
                } else if (database != null) {
                    database.close();
                }
                database = null;
                process = run.nextProcess();
                LockSupport.parkNanos(Math.min(2_000, 100L * attempt) * 1_000_000L);
            }
        }
        return false;
    }

    private void retire() {
        Client old = client;
        Database oldDb = database;
        client = null;
        // Closing may block on a connection that a fault froze: never let it hold the worker up.
        Thread closer = new Thread(() -> {
            try {
                old.close();
            } catch (Exception ignored) {
                // the process is gone either way
            }
            if (oldDb != null) {
                oldDb.close();
            }
        }, "lockbench-retire-" + process);
        closer.setDaemon(true);
        closer.start();
    }

    private void closeQuietly() {
        if (client != null) {
            retire();
        } else if (database != null) {
            database.close();
        }
    }

    /** The pause happens after the op is chosen and before it is invoked: a thread stalled on its way to the database. */
    private void awaitPause(OpSpec next) {
        String armed = pauseBefore;
        if (armed == null || !(armed.isEmpty() || armed.equals(next.f()))) {
            return;
        }
        var tickets = pauseTickets;
        if (tickets != null && tickets.getAndDecrement() <= 0) {
            return; // others reached it first
        }
        paused = true;
        while (run.running() && pauseBefore != null) {
            LockSupport.parkNanos(5_000_000);
        }
        paused = false;
    }

    private static void sleepUntil(long deadline) {
        long wait;
        while ((wait = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    OpStats stats() {
        return stats;
    }

    int index() {
        return index;
    }

    /** Nanos since its current operation began, or 0 when it is between operations. */
    long busyFor() {
        long s = opStartedAt;
        return s == 0 ? 0 : System.nanoTime() - s;
    }

    @Override
    public long process() {
        return process;
    }

    @Override
    public Database database() {
        return database;
    }

    @Override
    public boolean holding() {
        return generator.holding();
    }

    @Override
    public void pause(String beforeF, java.util.concurrent.atomic.AtomicInteger tickets) {
        pauseTickets = tickets;
        pauseBefore = beforeF == null ? "" : beforeF;
    }

    @Override
    public void resume() {
        pauseBefore = null;
        pauseTickets = null;
    }

    @Override
    public boolean paused() {
        return paused;
    }

    @Override
    public long crash() {
        Client c = client;
        if (c instanceof ChildProcessClient child && child.ready()) {
            long pid = child.pid();
            child.kill();
            return pid;
        }
        return -1;
    }

    @Override
    public void skewClock(java.time.Duration offset) {
        clock.skew(offset);
    }
}
