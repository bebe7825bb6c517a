package io.lockbench.junit;

import io.lockbench.stress.scenario.Durations;
import io.lockbench.stress.workload.WorkloadSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the clients of a stress test do: a workload type, its keys, and its settings. */
public final class StressWorkload {

    private final String type;
    private Integer keys;
    private String distribution;
    private Double skew;
    private final Map<String, Double> mix = new LinkedHashMap<>();
    private final Map<String, String> settings = new LinkedHashMap<>();

    StressWorkload(String type) {
        this.type = type;
    }

    /** How many objects (records, files, resources, agents) the clients share; fewer means more contention. */
    public StressWorkload keys(int count) {
        this.keys = count;
        return this;
    }

    /** Most operations on one key: {@code share} of them (0–1). */
    public StressWorkload hotspot(double share) {
        this.distribution = "hotspot";
        this.skew = share;
        return this;
    }

    /** Keys by a Zipf law with exponent {@code s}. */
    public StressWorkload zipfian(double s) {
        this.distribution = "zipfian";
        this.skew = s;
        return this;
    }

    /** The weight of operation {@code f} in the mix ({@code read}, {@code write} …). */
    public StressWorkload mix(String f, double weight) {
        mix.put(f, weight);
        return this;
    }

    /** A setting passed to the clients ({@code stale-after}, {@code lease-ttl} …), as {@link io.lockbench.api.ClientContext#settings()}. */
    public StressWorkload setting(String name, String value) {
        settings.put(name, value);
        return this;
    }

    /** The {@code think-time} setting: how long a client works between its read and its write. */
    public StressWorkload thinkTime(Duration d) {
        return setting("think-time", Durations.format(d));
    }

    WorkloadSpec spec() {
        return new WorkloadSpec(type, keys, distribution, skew, mix, settings);
    }
}
