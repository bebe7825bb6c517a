package io.lockbench.stress.history;

import java.util.ArrayList;
import java.util.List;

/**
 * Watches the {@code time} of each operation as a reader goes: times are monotonic in both formats,
 * and real-time order is read from them, so a time smaller than an earlier one is reported (once,
 * at its line, with how often it happened) rather than silently trusted.
 */
final class TimeOrder {

    private final String source;
    private long latest = Long.MIN_VALUE;
    private long latestLine;
    private long firstLine;
    private long firstTime;
    private long firstLatest;
    private long firstLatestLine;
    private long decreases;
    private boolean observed;
    private long earliest;

    TimeOrder(String source) {
        this.source = source;
    }

    void observe(long time, long line) {
        if (!observed) {
            observed = true;
            earliest = time;
        }
        if (time < latest) {
            if (decreases++ == 0) {
                firstLine = line;
                firstTime = time;
                firstLatest = latest;
                firstLatestLine = latestLine;
            }
            return;
        }
        latest = time;
        latestLine = line;
    }

    /** Whether no time went back; then the times observed run from {@link #earliest()} to {@link #latest()}. */
    boolean inOrder() {
        return decreases == 0;
    }

    /** Whether any op had a time. */
    boolean observed() {
        return observed;
    }

    /** The first time observed. */
    long earliest() {
        return earliest;
    }

    /** The largest time observed, or {@link Long#MIN_VALUE} if none. */
    long latest() {
        return latest;
    }

    List<String> warnings() {
        List<String> out = new ArrayList<>(1);
        if (decreases > 0) {
            out.add(source + ":" + firstLine + ": time " + firstTime + " is earlier than time " + firstLatest
                    + " on line " + firstLatestLine + " (times should never decrease; real-time order is read from "
                    + "them)" + (decreases > 1 ? "; " + decreases + " ops in all go back in time" : ""));
        }
        return out;
    }
}
