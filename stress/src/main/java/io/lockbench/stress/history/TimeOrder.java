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

    TimeOrder(String source) {
        this.source = source;
    }

    void observe(long time, long line) {
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
