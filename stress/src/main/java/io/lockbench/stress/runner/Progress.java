package io.lockbench.stress.runner;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The live progress line of a run: operations, rate, outcomes, active faults, elapsed / planned.
 * On a terminal one line redrawn every second; otherwise (CI, a pipe) a plain line every 10 s.
 */
public final class Progress implements AutoCloseable {

    /** How progress is shown. */
    public enum Mode { TERMINAL, PLAIN, QUIET }

    private final Mode mode;
    private final PrintStream out;
    private final Recorder recorder;
    private final Duration planned;
    private final Supplier<List<String>> activeFaults;
    private final long start = System.nanoTime();
    private final Thread thread;
    private volatile boolean done;
    private long lastTotal;
    private long lastAt = start;

    Progress(Mode mode, PrintStream out, Recorder recorder, Duration planned, Supplier<List<String>> activeFaults) {
        this.mode = mode;
        this.out = out;
        this.recorder = recorder;
        this.planned = planned;
        this.activeFaults = activeFaults;
        this.thread = new Thread(this::loop, "lockbench-progress");
        thread.setDaemon(true);
        if (mode != Mode.QUIET) {
            thread.start();
        }
    }

    public static Mode detect() {
        return System.console() != null && System.getenv("CI") == null ? Mode.TERMINAL : Mode.PLAIN;
    }

    private void loop() {
        long every = mode == Mode.TERMINAL ? 1_000 : 10_000;
        while (!done) {
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                return;
            }
            if (!done) {
                print();
            }
        }
    }

    private synchronized void print() {
        long ok = recorder.okCount();
        long fail = recorder.failCount();
        long info = recorder.infoCount();
        long total = ok + fail + info;
        long now = System.nanoTime();
        double rate = (total - lastTotal) / Math.max(1e-9, (now - lastAt) / 1e9);
        lastTotal = total;
        lastAt = now;
        double elapsed = (now - start) / 1e9;
        List<String> faults = activeFaults.get();
        String line = String.format(Locale.ROOT, "%5.0fs / %ds  %,d ops  %,.0f/s  ok %d%% fail %d%% info %d%%  faults: %s",
                elapsed, planned.toSeconds(), total, rate, pct(ok, total), pct(fail, total), pct(info, total),
                faults.isEmpty() ? "none" : String.join(", ", faults));
        if (mode == Mode.TERMINAL) {
            out.print("\r" + line + "   ");
        } else {
            out.println(line);
        }
        out.flush();
    }

    private static long pct(long part, long total) {
        return total == 0 ? 0 : Math.round(100.0 * part / total);
    }

    @Override
    public synchronized void close() {
        done = true;
        thread.interrupt();
        if (mode == Mode.TERMINAL) {
            out.print("\r" + " ".repeat(100) + "\r");
            out.flush();
        }
    }
}
