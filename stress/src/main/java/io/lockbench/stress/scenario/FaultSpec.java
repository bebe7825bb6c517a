package io.lockbench.stress.scenario;

import java.time.Duration;
import java.util.Map;

/**
 * One fault of a scenario's nemesis schedule: started {@code start} after the run begins, held for
 * {@code hold}, healed, and started again after {@code heal}, {@code times} times in all (0: until
 * the run ends).
 *
 * @param fault   the fault's name ({@code kill-connections}, {@code pause-client} …)
 * @param start   when it first starts, from the beginning of the run
 * @param hold    how long it lasts each time
 * @param heal    how long the system runs healed before the next start
 * @param times   how many times it starts; 0 repeats it until the run ends
 * @param options the fault's own settings, as text ({@code delay: 200ms}, {@code targets: holder})
 */
public record FaultSpec(String fault, Duration start, Duration hold, Duration heal, Integer times,
                        Map<String, String> options) {

    public static final Duration DEFAULT_START = Duration.ofSeconds(1);
    public static final Duration DEFAULT_HOLD = Duration.ofSeconds(1);

    // Insertion order is kept, so a scenario is written back as it was given.
    public FaultSpec {
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
    }

    /** Every field given: defaults filled in. */
    public FaultSpec resolved() {
        Duration h = hold == null ? DEFAULT_HOLD : hold;
        return new FaultSpec(fault, start == null ? DEFAULT_START : start, h, heal == null ? h : heal,
                times == null ? 0 : times, options);
    }

    public Duration option(String name, Duration fallback) {
        String v = options.get(name);
        return v == null ? fallback : Durations.parse(v);
    }

    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public int option(String name, int fallback) {
        String v = options.get(name);
        return v == null ? fallback : Integer.parseInt(v.trim());
    }
}
