package io.lockbench.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** What a client is given: the database, its process id, and the scenario's settings. */
public interface ClientContext {

    /**
     * The JDBC URL of the database under test, as this client must reach it: through lockbench's
     * fault-injecting proxy when the scenario has network faults, so use this URL rather than one
     * of your own.
     */
    String jdbcUrl();

    /**
     * A pooled {@link DataSource} on {@link #jdbcUrl()}, opened by lockbench for this process
     * alone. Faults that abort connections (the kill nemesis on SQLite) reach connections taken
     * from it; connections a client opens itself are reached only by server-side faults.
     */
    DataSource dataSource();

    /** {@code sqlite} or {@code postgresql}. */
    String backend();

    /** The history's process id of this client; {@code -1} in {@link Client#setup} and {@link Client#teardown}. */
    long process();

    /**
     * The workload's settings, as the scenario gave them ({@code stale-after: 500ms},
     * {@code think-time: 2ms} …), as text.
     */
    Map<String, String> settings();

    /** A setting parsed as a duration ({@code 500ms}, {@code 2s}, {@code 1m}), if given. */
    Optional<Duration> duration(String setting);

    /**
     * The clock this client should read when its code needs the time, instead of the system clock,
     * so that the {@code clock-skew} fault can move it. Code that decides by the database's clock
     * (as lockbench's reference strategies do) is unaffected by that fault, which is the point.
     */
    Clock clock();
}
