package io.lockbench.stress.workload;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A workload as a scenario describes it.
 *
 * @param type         {@code register}, {@code sequence}, {@code claims} or {@code agent}
 * @param keys         how many objects (records, files, resources, agents)
 * @param distribution how keys are picked: {@code uniform}, {@code hotspot} or {@code zipfian}
 * @param skew         hotspot: share of operations on the first key; zipfian: the exponent
 * @param mix          weights of the operations, over the workload's defaults
 * @param settings     settings of the clients ({@code think-time}, {@code stale-after} …), as text
 */
public record WorkloadSpec(String type, Integer keys, String distribution, Double skew, Map<String, Double> mix,
                           Map<String, String> settings) {

    // Insertion order is kept, so a scenario is written back as it was given.
    public WorkloadSpec {
        mix = mix == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(mix));
        settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
    }

    public static final int DEFAULT_KEYS = 4;

    /** This spec with {@code type} and every default filled in. */
    public WorkloadSpec resolved(String defaultType) {
        return new WorkloadSpec(type == null ? defaultType : type, keys == null ? DEFAULT_KEYS : keys,
                distribution == null ? "uniform" : distribution, skew, mix, settings);
    }

    public Optional<Duration> duration(String setting) {
        String v = settings.get(setting);
        return v == null ? Optional.empty() : Optional.of(io.lockbench.stress.scenario.Durations.parse(v));
    }

    public int integer(String setting, int fallback) {
        String v = settings.get(setting);
        return v == null ? fallback : Integer.parseInt(v.trim());
    }
}
