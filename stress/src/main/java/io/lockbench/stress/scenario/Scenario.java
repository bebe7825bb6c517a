package io.lockbench.stress.scenario;

import io.lockbench.stress.workload.WorkloadSpec;
import java.time.Duration;
import java.util.List;

/**
 * A stress run as data, Jepsen's test map: which implementation, on which backend, doing what,
 * under which faults, judged how. Read from YAML ({@link ScenarioFiles}); every field may be
 * overridden on the command line. {@link #resolved()} fills every default in, and that resolved
 * form is what a run directory keeps, so it can be run again exactly.
 *
 * @param name        the run's name (the file name without extension by default)
 * @param description one line for people
 * @param variant     a reference variant ({@code optimistic}, {@code verify-after-write} …), or
 *                    {@code custom} with {@link #client}
 * @param client      the class of a team's own client (loaded by name), instead of a variant
 * @param backend     {@code sqlite} or {@code postgresql}
 * @param workload    what the clients do
 * @param clients     how many client processes run at once
 * @param rate        operations per second over all clients; 0 for as fast as they go
 * @param duration    how long the main phase runs
 * @param ops         stop after this many operations (0: no limit; the duration still applies)
 * @param nemesis     the fault schedule
 * @param checkers    checker models to use instead of the workload's own (rarely needed)
 * @param seed        seeds every generator: the same seed gives the same operations
 * @param expect      the verdict this scenario should get: {@code valid} / {@code invalid}, or one
 *                    per backend ({@code {sqlite: valid, postgresql: invalid}})
 * @param anomaly     for an expected {@code invalid}: the anomaly type that must be among those found
 * @param clientProcesses run each client in a JVM of its own (needed by the {@code crash-process} fault)
 */
public record Scenario(String name, String description, String variant, String client, String backend,
                       WorkloadSpec workload, Integer clients, Double rate, Duration duration, Long ops,
                       List<FaultSpec> nemesis, List<String> checkers, Long seed, Object expect, String anomaly,
                       Boolean clientProcesses) {

    public static final int DEFAULT_CLIENTS = 4;
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);
    public static final String DEFAULT_BACKEND = "sqlite";

    public Scenario {
        nemesis = nemesis == null ? List.of() : List.copyOf(nemesis);
        checkers = checkers == null ? List.of() : List.copyOf(checkers);
    }

    public Scenario withName(String newName) {
        return new Scenario(newName, description, variant, client, backend, workload, clients, rate, duration, ops,
                nemesis, checkers, seed, expect, anomaly, clientProcesses);
    }

    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, variant, client, backend, workload, clients, rate, duration, ops,
                nemesis, checkers, newSeed, expect, anomaly, clientProcesses);
    }

    public Scenario withWorkload(WorkloadSpec spec) {
        return new Scenario(name, description, variant, client, backend, spec, clients, rate, duration, ops,
                nemesis, checkers, seed, expect, anomaly, clientProcesses);
    }

    public Scenario withBackend(String newBackend) {
        return new Scenario(name, description, variant, client, newBackend, workload, clients, rate, duration, ops,
                nemesis, checkers, seed, expect, anomaly, clientProcesses);
    }

    public Scenario withNemesis(List<FaultSpec> faults) {
        return new Scenario(name, description, variant, client, backend, workload, clients, rate, duration, ops,
                faults, checkers, seed, expect, anomaly, clientProcesses);
    }

    public Scenario withDefaults(String newBackend, int newClients, double newRate, Duration newDuration, long newOps) {
        return new Scenario(name, description, variant, client, newBackend, workload, newClients, newRate, newDuration,
                newOps, nemesis, checkers, seed, expect, anomaly, clientProcesses);
    }

    public boolean inProcesses() {
        return Boolean.TRUE.equals(clientProcesses);
    }

    /** The expected verdict on {@code backend} ({@code valid}/{@code invalid}), or null when none is declared. */
    public String expectedOn(String backendName) {
        if (expect instanceof String s) {
            return s;
        }
        if (expect instanceof java.util.Map<?, ?> m) {
            Object v = m.get(backendName);
            if (v == null && backendName.equals("postgresql")) {
                v = m.get("postgres");
            }
            return v == null ? null : v.toString();
        }
        return null;
    }
}
