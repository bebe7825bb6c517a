package io.lockbench.junit;

import io.lockbench.api.Client;
import io.lockbench.stress.checker.Verdict;
import io.lockbench.stress.runner.RunOptions;
import io.lockbench.stress.runner.RunOutcome;
import io.lockbench.stress.runner.Runner;
import io.lockbench.stress.scenario.FaultSpec;
import io.lockbench.stress.scenario.Scenario;
import io.lockbench.stress.scenario.ScenarioException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * One stress test of a team's client, configured fluently and run by {@link #assertValid()} (or
 * {@link #run()}). Defaults: the register workload, 4 clients, 5 s, SQLite in a new file, no
 * fault, a random seed (reported on failure), run directories under {@code target/lockbench-runs}.
 */
public final class StressTest {

    /** Where run directories go unless {@link #runsDirectory} says otherwise: Maven's build directory. */
    public static final Path DEFAULT_RUNS = Path.of("target", "lockbench-runs");
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(5);

    private final Supplier<? extends Client> clients;
    private StressWorkload workload = Lockbench.register();
    private int clientCount = Scenario.DEFAULT_CLIENTS;
    private Duration duration = DEFAULT_DURATION;
    private double rate;
    private long ops;
    private Long seed;
    private String backend = "sqlite";
    private String postgresUrl = System.getenv("LOCKBENCH_PG_URL");
    private String name;
    private Path runs = DEFAULT_RUNS;
    private final List<FaultSpec> faults = new ArrayList<>();

    StressTest(Supplier<? extends Client> clients) {
        this.clients = clients;
    }

    public StressTest workload(StressWorkload w) {
        this.workload = w;
        return this;
    }

    /** Client processes at once. */
    public StressTest clients(int count) {
        this.clientCount = count;
        return this;
    }

    /** Faults injected while the clients run; each repeats until the run ends unless limited. */
    public StressTest nemesis(Fault... scheduled) {
        for (Fault f : scheduled) {
            faults.add(f.spec());
        }
        return this;
    }

    /** How long the clients run. */
    public StressTest duration(Duration d) {
        this.duration = d;
        return this;
    }

    /** Operations per second over all clients (default: as fast as they go). */
    public StressTest rate(double opsPerSecond) {
        this.rate = opsPerSecond;
        return this;
    }

    /** Stop after this many operations, even before the duration is over. */
    public StressTest ops(long limit) {
        this.ops = limit;
        return this;
    }

    /** The seed of every generator: a failing run's seed, given here, repeats its operations. */
    public StressTest seed(long s) {
        this.seed = s;
        return this;
    }

    /** Run on a new SQLite file (the default). */
    public StressTest onSqlite() {
        this.backend = "sqlite";
        return this;
    }

    /** Run in a new schema of the PostgreSQL server at {@code LOCKBENCH_PG_URL}, dropped afterwards. */
    public StressTest onPostgres() {
        this.backend = "postgresql";
        return this;
    }

    /** Run in a new schema of the PostgreSQL server at {@code jdbcUrl}, dropped afterwards. */
    public StressTest onPostgres(String jdbcUrl) {
        this.postgresUrl = jdbcUrl;
        return onPostgres();
    }

    /** {@code sqlite} or {@code postgresql}. */
    public StressTest backend(String b) {
        this.backend = b;
        return this;
    }

    /** The run's name, for its directory (default: the calling test's class and method). */
    public StressTest name(String n) {
        this.name = n;
        return this;
    }

    public StressTest runsDirectory(Path dir) {
        this.runs = dir;
        return this;
    }

    /**
     * Runs and returns the outcome, whatever the verdict.
     *
     * @throws IllegalArgumentException when the test cannot run as configured (a bad setting, no server)
     */
    public RunOutcome run() {
        String clientClass = probeClass();
        Scenario scenario = new Scenario(name != null ? name : callerName(), null, "custom", clientClass, backend,
                workload.spec(), clientCount, rate, duration, ops, faults, List.of(), seed, null, null, null);
        RunOptions options = RunOptions.quiet(runs).withPostgresUrl(postgresUrl, "given")
                .withClient(clients::get);
        try {
            return Runner.run(scenario, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run directory under " + runs.toAbsolutePath(), e);
        }
    }

    /** Runs, and fails the test unless every checker found the history valid. */
    public RunOutcome assertValid() {
        RunOutcome outcome = runOrFail();
        if (outcome.verdict() != Verdict.VALID) {
            throw new AssertionFailedError(Evidence.of(outcome, "expected a valid history"));
        }
        return outcome;
    }

    /**
     * Runs, and fails the test unless a checker found {@code anomaly} ({@code nonlinearizable},
     * {@code duplicate-version}, {@code two-holders} …): for tests that show a mistake is caught.
     */
    public RunOutcome assertInvalid(String anomaly) {
        RunOutcome outcome = runOrFail();
        boolean found = outcome.results().checkers().stream().flatMap(c -> c.anomalies().stream())
                .anyMatch(a -> a.type().equals(anomaly));
        if (outcome.verdict() != Verdict.INVALID || !found) {
            throw new AssertionFailedError(Evidence.of(outcome, "expected an invalid history showing " + anomaly));
        }
        return outcome;
    }

    private RunOutcome runOrFail() {
        try {
            return run();
        } catch (ScenarioException e) {
            throw new AssertionFailedError("lockbench: the stress test cannot run: " + e.getMessage(), e);
        }
    }

    /** The client's class name, for the results: one instance made and closed before the run. */
    private String probeClass() {
        Client probe = clients.get();
        if (probe == null) {
            throw new IllegalArgumentException("the client supplier returned null");
        }
        try {
            probe.close();
        } catch (Exception ignored) {
            // never opened
        }
        return probe.getClass().getName();
    }

    /** {@code OrderDaoTest.survivesKilledConnections}: the test method that called us, past assertion libraries and lambdas. */
    private static String callerName() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !f.getClassName().startsWith(StressTest.class.getName()) && !isFramework(f.getClassName()))
                .findFirst()
                .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1).replaceFirst("\\$.*", "")
                        + "." + f.getMethodName().replaceFirst("^lambda\\$(.*)\\$\\d+$", "$1"))
                .orElse("stress-test"));
    }

    private static boolean isFramework(String className) {
        return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
                || className.startsWith("org.junit.") || className.startsWith("org.assertj.");
    }
}
