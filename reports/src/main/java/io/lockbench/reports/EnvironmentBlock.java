package io.lockbench.reports;

import io.lockbench.stress.runner.RunResults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the numbers come from, as the results themselves recorded it: for each benchmark file the
 * command, preset, lockbench commit, JVM, machine (with its load, which lowers figures) and each
 * database's version and settings; for the stress runs the servers, JVMs, machines and commands.
 */
public record EnvironmentBlock(List<Group> groups) {

    public record Group(String title, List<Fact> facts) {
    }

    public record Fact(String name, String value) {
    }

    public static EnvironmentBlock of(ReportData data) {
        List<Group> groups = new ArrayList<>();
        for (BenchInput in : data.bench()) {
            groups.add(bench(in));
        }
        if (!data.stress().isEmpty()) {
            groups.add(stress(data.stress()));
        }
        return new EnvironmentBlock(List.copyOf(groups));
    }

    private static Group bench(BenchInput in) {
        Map<String, Object> env = in.results().environment();
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("results", in.file().toString()));
        if (env.isEmpty()) {
            facts.add(new Fact("recorded", "nothing: plain JMH output, without lockbench's environment"));
            return new Group("Benchmarks", facts);
        }
        add(facts, "command", env.get("command"));
        add(facts, "preset", env.get("preset"));
        add(facts, "lockbench", join(map(env.get("lockbench")), "version", "commit"));
        Map<String, Object> jvm = map(env.get("jvm"));
        add(facts, "JVM", join(jvm, "vm", "version", "vendor") + (jvm.containsKey("maxHeapMb") ? ", max heap "
                + jvm.get("maxHeapMb") + " MB" : ""));
        Map<String, Object> machine = map(env.get("machine"));
        add(facts, "OS", machine.get("os"));
        add(facts, "cores", join(machine, "cpus", "cpuModel"));
        add(facts, "memory", machine.containsKey("memoryMb") ? machine.get("memoryMb") + " MB" : null);
        add(facts, "load average", "at start " + machine.get("loadAverageAtStart") + ", at end "
                + machine.getOrDefault("loadAverageAtEnd", "?"));
        add(facts, "time", env.get("startedAt") + " to " + env.getOrDefault("finishedAt", "?"));
        map(env.get("databases")).forEach((name, facts2) -> add(facts, Labels.backend(name), settings(map(facts2))));
        return new Group("Benchmarks", facts);
    }

    private static Group stress(List<StressRun> runs) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("runs", runs.size() + " (" + runs.stream().map(r -> r.results().scenario())
                .distinct().limit(6).collect(Collectors.joining(", ")) + (runs.size() > 6 ? ", …" : "") + ")"));
        Set<String> servers = new LinkedHashSet<>();
        Set<String> jvms = new LinkedHashSet<>();
        Set<String> machines = new LinkedHashSet<>();
        Set<String> commands = new LinkedHashSet<>();
        Set<String> versions = new LinkedHashSet<>();
        for (StressRun run : runs) {
            RunResults r = run.results();
            if (r.server() != null) {
                servers.add(r.server().url() != null ? r.server().url() : r.server().version());
            }
            RunResults.Environment e = r.environment();
            if (e != null) {
                jvms.add(e.java());
                machines.add(e.os() + ", " + e.cores() + " cores");
                versions.add(e.lockbenchVersion());
                if (e.command() != null) {
                    commands.add(e.command());
                }
            }
        }
        add(facts, "servers", String.join("; ", servers));
        add(facts, "lockbench", String.join("; ", versions));
        add(facts, "JVM", String.join("; ", jvms));
        add(facts, "machine", String.join("; ", machines));
        add(facts, "commands", commands.stream().limit(3).collect(Collectors.joining("; "))
                + (commands.size() > 3 ? "; and " + (commands.size() - 3) + " more" : ""));
        return new Group("Stress runs", facts);
    }

    private static String settings(Map<String, Object> facts) {
        List<String> parts = new ArrayList<>();
        facts.forEach((k, v) -> {
            if (!k.equals("backend")) {
                parts.add(k + "=" + v);
            }
        });
        return facts.getOrDefault("backend", "") + (parts.isEmpty() ? "" : ": " + String.join(", ", parts));
    }

    private static String join(Map<String, Object> m, String... keys) {
        List<String> parts = new ArrayList<>();
        for (String k : keys) {
            if (m.get(k) != null) {
                parts.add(String.valueOf(m.get(k)));
            }
        }
        return String.join(" ", parts);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    private static void add(List<Fact> facts, String name, Object value) {
        if (value != null && !String.valueOf(value).isBlank()) {
            facts.add(new Fact(name, String.valueOf(value)));
        }
    }
}
