package io.lockbench.impl.agent;

import io.lockbench.impl.retry.Sleep;
import io.lockbench.impl.testing.Concurrently;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Scenarios run identically against the correct strategy and its broken twin; each test class
 * asserts the outcome its implementation must (or, for the twin, is expected to) produce.
 */
final class ContextScenarios {

    /** One compare-and-set attempt: what the writer expected and what it was told. */
    record Attempt(int worker, long expectedVersion, String project, ProjectUpdate outcome) {
    }

    /**
     * The client's pause between reading a version and writing with it. SQLite runs one writer at a
     * time, so without it writers barely overlap there and a race shows only now and then.
     */
    static final Duration THINK_TIME = Duration.ofMillis(2);

    private ContextScenarios() {
    }

    /** Agent a selects "apollo", then agent b selects "borealis"; returns what each reads afterwards. */
    static Map<String, String> twoAgentsSelectInTurn(AgentSessions sessions, AgentContext context) {
        Lease a = started(sessions, "a");
        Lease b = started(sessions, "b");
        context.setProject(a, versionOf(context, "a"), "apollo");
        context.setProject(b, versionOf(context, "b"), "borealis");
        return readBack(context, List.of("a", "b"));
    }

    /**
     * {@code agents} agents each select their own project ("project-of-agent-N"), all at the same
     * instant; returns what each reads once all are done.
     */
    static Map<String, String> agentsSelectAtOnce(AgentSessions sessions, AgentContext context, int agents) {
        List<String> names = IntStream.range(0, agents).mapToObj(i -> "agent-" + i).toList();
        List<Lease> leases = names.stream().map(agent -> started(sessions, agent)).toList();
        Concurrently.run(agents, worker -> {
            String agent = names.get(worker);
            return context.setProject(leases.get(worker), versionOf(context, agent), "project-of-" + agent);
        });
        return readBack(context, names);
    }

    /**
     * {@code threads} writers race on one agent: each reads the current version, thinks for
     * {@link #THINK_TIME}, and tries to set its own project with that version, {@code attemptsEach}
     * times. Returns every attempt.
     */
    static List<Attempt> compareAndSetRace(AgentSessions sessions, AgentContext context, int threads, int attemptsEach) {
        Lease shared = started(sessions, "shared");
        return Concurrently.run(threads, worker -> IntStream.range(0, attemptsEach).mapToObj(i -> {
            long expected = versionOf(context, "shared");
            Sleep.of(THINK_TIME);
            String project = "w" + worker + "-" + i;
            return new Attempt(worker, expected, project, context.setProject(shared, expected, project));
        }).toList()).stream().flatMap(List::stream).toList();
    }

    /** Starts {@code agent}, which must not be running, and returns its new lease. */
    static Lease started(AgentSessions sessions, String agent) {
        StartResult result = sessions.start(agent);
        if (result instanceof StartResult.Started s) {
            return s.lease();
        }
        throw new AssertionError("agent '" + agent + "' was already running: " + result);
    }

    static long versionOf(AgentContext context, String agent) {
        return context.currentProject(agent).map(ProjectSelection::version).orElse(0L);
    }

    private static Map<String, String> readBack(AgentContext context, List<String> agents) {
        return agents.stream().collect(Collectors.toMap(a -> a,
                a -> String.valueOf(context.currentProject(a).map(ProjectSelection::project).orElse(null)),
                (x, y) -> x, LinkedHashMap::new));
    }
}
