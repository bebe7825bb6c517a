package io.lockbench.stress.workload;

import java.util.List;
import java.util.Map;

/** What every workload has: its type, its keys and how they are picked, and its operations' default weights. */
abstract class KeyedWorkload implements Workload {

    protected final List<String> keys;
    protected final KeyChooser chooser;
    private final String type;
    private final Map<String, Double> defaultMix;

    KeyedWorkload(String type, String keyPrefix, Map<String, Double> defaultMix, WorkloadSpec spec) {
        this.type = type;
        this.defaultMix = defaultMix;
        this.keys = Workloads.keys(keyPrefix, spec.keys());
        this.chooser = Workloads.chooser(spec, keys);
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public Map<String, Double> defaultMix() {
        return defaultMix;
    }

    @Override
    public List<String> keys() {
        return keys;
    }

    /** One {@code f} of every key, in key order: the final reads. */
    protected List<OpSpec> eachKey(String f) {
        return keys.stream().map(k -> new OpSpec(f, k, null)).toList();
    }
}
