package io.lockbench.stress.nemesis;

import io.lockbench.impl.db.Database;

/** One running client, as a fault sees it. */
public interface ClientHandle {

    /** Its current process id. */
    long process();

    /** The pool the runner opened for it. */
    Database database();

    /** Whether its generator holds something (a claim) now. */
    boolean holding();

    /**
     * Stops it, as a long GC pause would, just before its next operation whose {@code f} is
     * {@code beforeF} (any operation when null), until {@link #resume()}. With {@code tickets},
     * only as many clients as it holds stall: the first to reach such an operation each take one.
     */
    void pause(String beforeF, java.util.concurrent.atomic.AtomicInteger tickets);

    /** Whether it is stalled by {@link #pause} now. */
    boolean paused();

    /** Lets it go on at once. */
    void resume();

    /** Kills its client process with SIGKILL; returns the pid, or -1 when it runs in this JVM or is still starting. */
    long crash();

    /** Sets the offset of the clock it reads ({@code context.clock()}); zero puts it right. */
    void skewClock(java.time.Duration offset);
}
