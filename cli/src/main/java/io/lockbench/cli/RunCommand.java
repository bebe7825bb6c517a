package io.lockbench.cli;

import io.lockbench.stress.client.ClientLoader;
import io.lockbench.stress.runner.Progress;
import io.lockbench.stress.runner.RunOptions;
import io.lockbench.stress.runner.RunOutcome;
import io.lockbench.stress.runner.RunResults;
import io.lockbench.stress.runner.Runner;
import io.lockbench.stress.scenario.Scenario;
import io.lockbench.stress.scenario.ScenarioException;
import io.lockbench.stress.scenario.ScenarioFiles;
import io.lockbench.stress.scenario.Scenarios;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import io.lockbench.servers.PostgresServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lockbench run SCENARIO…}: stress runs, one after another. Exit status is the verdict:
 * 0 all valid, 1 some invalid, 2 unknown or error. ^C stops the run in progress, heals its faults,
 * writes its history and results (verdict unknown) and exits 2.
 */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs stress scenarios (YAML): clients against a real database while faults are injected, every "
                    + "operation recorded, the history checked.",
            "Each run writes runs/<scenario>/<time>/ with history.jsonl, scenario.yaml (resolved), results.json "
                    + "and summary.md; runs/latest points at the newest.",
            "Exit status: 0 all valid, 1 some run invalid, 2 unknown or error."
        })
public final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Scenario files (YAML).")
    List<Path> scenarios;

    @Option(names = "--backend", paramLabel = "BACKEND", description = "sqlite or postgresql (overrides the scenario's).")
    String backend;

    @Option(names = "--variant", paramLabel = "VARIANT", description = "The implementation to run (overrides the scenario's).")
    String variant;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of every generator: the same seed gives the same operations.")
    Long seed;

    @Option(names = "--duration", paramLabel = "DURATION", description = "How long the main phase runs: 500ms, 10s, 2m.")
    String duration;

    @Option(names = "--clients", paramLabel = "N", description = "Client processes at once.")
    Integer clients;

    @Option(names = "--ops", paramLabel = "N", description = "Stop after this many operations.")
    Long ops;

    @Option(names = "--rate", paramLabel = "OPS_PER_S", description = "Operations per second over all clients (0: unlimited).")
    Double rate;

    @Option(names = "--keys", paramLabel = "N", description = "Objects the workload operates on.")
    Integer keys;

    @Option(names = "--set", paramLabel = "FIELD=VALUE",
            description = "Overrides any scenario field by its path, e.g. --set workload.distribution=zipfian "
                    + "--set workload.settings.think-time=2ms --set nemesis.0.hold=3s.")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--client-jar", paramLabel = "JAR", split = ",",
            description = "Runs a team's own client (an implementation of io.lockbench.api.Client) from these jars "
                    + "(repeat the option, or separate with commas; a classes directory works too): the class the "
                    + "scenario names (client: com.example.MyDao), else the one the jars declare in "
                    + "META-INF/services/io.lockbench.api.Client.")
    List<Path> clientJars = new java.util.ArrayList<>();

    @Option(names = "--runs-dir", paramLabel = "DIR", defaultValue = "runs",
            description = "Where run directories go (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    @CommandLine.Mixin
    PostgresOptions postgres = new PostgresOptions();

    @Option(names = "--keep-schema", description = "Keep each PostgreSQL run's schema for inspection.")
    boolean keepSchema;

    @Option(names = "--quiet", description = "No progress line.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintStream out = System.out;
        AtomicBoolean cancel = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.set(true);
            try {
                finished.await(); // let the run heal its faults and write its files
            } catch (InterruptedException ignored) {
                // exit anyway
            }
            Runtime.getRuntime().halt(Lockbench.EXIT_ERROR);
        }, "lockbench-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        RunOptions options = new RunOptions(runsDir, null, null,
                quiet ? Progress.Mode.QUIET : Progress.detect(), out, keepSchema, null, cancel,
                "lockbench " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        int worst = Lockbench.EXIT_VALID;
        try {
            for (Path file : scenarios) {
                if (cancel.get()) {
                    break;
                }
                int code;
                try {
                    Scenario scenario = ScenarioFiles.read(file, overrides());
                    RunOptions runOptions = options;
                    if (!clientJars.isEmpty()) {
                        if (scenario.variant() != null && !scenario.variant().equals("custom")) {
                            throw new ScenarioException(file + ": field 'variant': --client-jar runs your own client, "
                                    + "but the scenario runs variant " + scenario.variant() + "; remove the field or "
                                    + "write variant: custom");
                        }
                        ClientLoader.Loaded client = ClientLoader.load(clientJars, scenario.client());
                        scenario = scenario.withClient(client.className());
                        runOptions = options.withClient(client.clients());
                    }
                    scenario = Scenarios.resolve(scenario, file.toString());
                    if (scenario.backend().equals("postgresql")) {
                        runOptions = onPostgres(runOptions, file);
                    }
                    RunOutcome outcome = Runner.run(scenario, runOptions);
                    print(out, outcome);
                    code = outcome.exitCode();
                } catch (ScenarioException e) {
                    err.println("lockbench: " + e.getMessage());
                    err.flush();
                    code = Lockbench.EXIT_ERROR;
                }
                worst = worse(worst, code);
            }
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // ^C: the hook exits once the run has written its files
            }
        }
        return worst;
    }

    /** The PostgreSQL server to run on: found (or started) once per command, as every command finds it. */
    private RunOptions onPostgres(RunOptions options, Path file) {
        try {
            PostgresServer server = postgres.server();
            return options.withPostgresUrl(server.jdbcUrl(), server.description());
        } catch (IllegalStateException none) {
            throw new ScenarioException(file + ": backend postgresql needs a server: " + none.getMessage());
        }
    }

    /** 1 (invalid) beats 2 (unknown or error) beats 0 (valid): one invalid run makes the whole command invalid. */
    static int worse(int a, int b) {
        if (a == Lockbench.EXIT_INVALID || b == Lockbench.EXIT_INVALID) {
            return Lockbench.EXIT_INVALID;
        }
        return Math.max(a, b);
    }

    private Map<String, String> overrides() {
        Map<String, String> o = new LinkedHashMap<>(set);
        put(o, "backend", backend);
        put(o, "variant", variant);
        put(o, "seed", seed);
        put(o, "duration", duration);
        put(o, "clients", clients);
        put(o, "ops", ops);
        put(o, "rate", rate);
        put(o, "workload.keys", keys);
        return o;
    }

    private static void put(Map<String, String> o, String field, Object value) {
        if (value != null) {
            o.put(field, value.toString());
        }
    }

    static void print(PrintStream out, RunOutcome outcome) {
        RunResults r = outcome.results();
        out.printf(Locale.ROOT, "%s on %s%s: %s%s%n", r.scenario(), r.server().version(), where(r.server()),
                r.verdict().toUpperCase(Locale.ROOT),
                r.asExpected() == null ? "" : r.asExpected() ? " (as expected)" : " (EXPECTED " + r.expected().toUpperCase(Locale.ROOT) + ")");
        out.printf(Locale.ROOT, "  %,d ops in %.1f s (%,.0f/s): %,d ok, %,d fail, %,d info; seed %d%n", r.ops().total(),
                r.durationSeconds(), r.throughput().opsPerSecond(), r.ops().ok(), r.ops().fail(), r.ops().info(), r.seed());
        if (!r.failuresByKind().isEmpty()) {
            StringBuilder b = new StringBuilder("  not ok by cause:");
            r.failuresByKind().forEach((k, v) -> b.append(String.format(Locale.ROOT, " %s %.1f%%", k, 100 * v.share())));
            out.println(b);
        }
        for (RunResults.CheckerOutcome c : r.checkers()) {
            out.printf("  %s: %s: %s%n", c.model(), c.verdict(), firstLine(c.summary()));
            c.anomalies().stream().limit(3).forEach(a -> out.printf("    %s: %s%n", a.type(), firstLine(a.description())));
        }
        if (r.problems() != null) {
            r.problems().forEach(p -> out.println("  problem: " + p));
        }
        out.println("  " + outcome.directory());
        out.flush();
    }

    /** Where a PostgreSQL server came from, in a word: the results carry its whole description. */
    private static String where(RunResults.Server server) {
        String source = String.valueOf(server.source());
        for (String kind : new String[] {"embedded", "container"}) {
            if (source.contains(", " + kind)) {
                return " (" + kind + ")";
            }
        }
        return "";
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }
}
