package io.lockbench.junit;

import io.lockbench.stress.scenario.Durations;
import io.lockbench.stress.scenario.FaultSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One fault of a stress test's schedule: first {@link #start} after the run begins (1 s by
 * default), held for {@link #hold} (1 s), healed for {@link #heal} (as long as it was held), again
 * and again until the run ends, or {@link #times} times.
 */
public final class Fault {

    private final String name;
    private Duration start;
    private Duration hold;
    private Duration heal;
    private Integer times;
    private final Map<String, String> options = new LinkedHashMap<>();

    private Fault(String name) {
        this.name = name;
    }

    static Fault named(String name) {
        return new Fault(name);
    }

    public Fault start(Duration d) {
        this.start = d;
        return this;
    }

    public Fault hold(Duration d) {
        this.hold = d;
        return this;
    }

    public Fault heal(Duration d) {
        this.heal = d;
        return this;
    }

    /** How many times it starts; 0 (the default) repeats it until the run ends. */
    public Fault times(int n) {
        this.times = n;
        return this;
    }

    /** One of the fault's own options ({@code targets: holder}, {@code count: 2} …). */
    public Fault option(String option, String value) {
        options.put(option, value);
        return this;
    }

    public Fault option(String option, Duration value) {
        return option(option, Durations.format(value));
    }

    FaultSpec spec() {
        return new FaultSpec(name, start, hold, heal, times, options);
    }
}
