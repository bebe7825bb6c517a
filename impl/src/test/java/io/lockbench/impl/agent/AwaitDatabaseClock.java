package io.lockbench.impl.agent;

import io.lockbench.impl.db.Database;
import io.lockbench.impl.retry.Sleep;

/** Waits for the database clock, the one leases are judged by, rather than the test's. */
final class AwaitDatabaseClock {

    private AwaitDatabaseClock() {
    }

    /** Returns once the database clock is past {@code instantMillis}; fails after 5 s. */
    static void past(Database db, long instantMillis) {
        long giveUp = System.nanoTime() + 5_000_000_000L;
        long now;
        while ((now = db.nowMillis()) <= instantMillis) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("database clock stuck at " + now + ", waiting for " + instantMillis);
            }
            Sleep.micros(Math.min(50_000, (instantMillis - now + 1) * 1000));
        }
    }
}
