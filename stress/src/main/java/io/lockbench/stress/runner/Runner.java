package io.lockbench.stress.runner;

import io.lockbench.api.Client;
import io.lockbench.impl.catalog.Variant;
import io.lockbench.impl.db.Backend;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Dialects;
import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.checker.CheckerCatalog;
import io.lockbench.stress.client.ClientLoader;
import io.lockbench.stress.client.Completions;
import io.lockbench.stress.client.ReferenceClients;
import io.lockbench.stress.client.SqlClient;
import io.lockbench.stress.history.History;
import io.lockbench.stress.history.Op;
import io.lockbench.stress.nemesis.ClientHandle;
import io.lockbench.stress.nemesis.Nemeses;
import io.lockbench.stress.nemesis.Nemesis;
import io.lockbench.stress.nemesis.NemesisContext;
import io.lockbench.stress.nemesis.TcpProxy;
import io.lockbench.stress.scenario.FaultSpec;
import io.lockbench.stress.scenario.Scenario;
import io.lockbench.stress.scenario.ScenarioException;
import io.lockbench.stress.scenario.ScenarioFiles;
import io.lockbench.stress.scenario.Scenarios;
import io.lockbench.stress.workload.CheckerUse;
import io.lockbench.stress.workload.OpSpec;
import io.lockbench.stress.workload.Workload;
import io.lockbench.stress.workload.Workloads;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Runs one scenario, Jepsen's way: set the database up, start the clients and the fault
 * schedule, stop after the duration (or the operation limit, or ^C), heal every fault, read the
 * final state, and judge the recorded history with the workload's checkers. Everything lands in a
 * run directory: {@code scenario.yaml} (resolved: enough to run it again), {@code history.jsonl}
 * (streamed while the run goes), {@code results.json} and {@code summary.md}.
 */
public final class Runner {

    /** How long a client may take over one operation before the run gives up waiting for it at the end. */
    static final Duration DEFAULT_OP_TIMEOUT = Duration.ofSeconds(10);
    private static final int FINAL_ATTEMPTS = 10;
    /** How long clients may take to open (a client in a process of its own starts a JVM). */
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(60);

    private Runner() {
    }

    /**
     * Runs {@code scenario} (resolved here if it is not yet).
     *
     * @throws ScenarioException when the scenario cannot run as written (a bad field, no server for it)
     * @throws IOException       when the run directory cannot be written
     */
    public static RunOutcome run(Scenario scenario, RunOptions options) throws IOException {
        Scenario s = Scenarios.resolve(scenario, scenario.name() == null ? "scenario" : scenario.name());
        Workload workload = Workloads.of(s.workload());
        Variant variant = s.variant() == null || s.variant().equals("custom") ? null : Variant.parse(s.variant());
        Supplier<Client> clients = options.client() != null ? options.client()
                : variant != null ? ReferenceClients.of(variant)
                : s.sql() != null ? () -> new SqlClient(s.sql(), workload.type(), s.name(), workload.keys(),
                        workload.readOnlyOperations())
                : ClientLoader.load(List.of(), s.client()).clients();
        Backend backend = Backend.parse(s.backend());
        if (backend == Backend.POSTGRESQL && (options.postgresUrl() == null || options.postgresUrl().isBlank())) {
            throw new ScenarioException(s.name() + ": backend postgresql needs a server: set LOCKBENCH_PG_URL "
                    + "(e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) or pass --pg-url");
        }
        Duration opTimeout = s.workload().duration("op-timeout").orElse(DEFAULT_OP_TIMEOUT);
        List<Nemesis> nemeses = new ArrayList<>();
        for (FaultSpec f : s.nemesis()) {
            try {
                nemeses.add(Nemeses.create(f));
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(s.name() + ": nemesis " + f.fault() + ": " + e.getMessage(), e);
            }
        }
        boolean needsProxy = nemeses.stream().anyMatch(Nemesis::needsProxy);
        if (s.inProcesses() && options.client() != null) {
            throw new ScenarioException(s.name() + ": field 'client-processes': a client given in code runs in this JVM; "
                    + "name a variant or a client class instead");
        }

        Path dir = RunDirectory.create(options.runsDirectory(), s.name());
        Files.writeString(dir.resolve("scenario.yaml"), ScenarioFiles.toYaml(s));
        Instant startedAt = Instant.now();
        TargetDatabase target = backend == Backend.SQLITE ? TargetDatabase.sqlite(dir)
                : TargetDatabase.postgres(options.postgresUrl(), s.name(), needsProxy, opTimeout, options.keepSchema());
        try {
            Supplier<Client> perProcess = clients;
            if (s.inProcesses()) {
                String name = variant != null ? variant.cliName() : s.client();
                perProcess = () -> new ChildProcessClient(name, workload.readOnlyOperations(), dir, opTimeout.plusSeconds(2));
            }
            return new Execution(s, workload, variant, clients, perProcess, nemeses, target, dir, options, opTimeout,
                    startedAt).run();
        } finally {
            target.close();
        }
    }

    /** One run in progress. */
    private static final class Execution implements NemesisContext {
        private final Scenario s;
        private final Workload workload;
        private final Variant variant;
        private final Supplier<Client> clients;
        private final Supplier<Client> workerClients;
        private final TargetDatabase target;
        private final Path dir;
        private final RunOptions options;
        private final Duration opTimeout;
        private final Instant startedAt;
        private final List<Nemesis> nemeses = new ArrayList<>();
        private final List<FaultSpec> faults = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private final List<Worker> workers = new ArrayList<>();
        private final Random random;
        private Recorder recorder;

        Execution(Scenario s, Workload workload, Variant variant, Supplier<Client> clients,
                  Supplier<Client> workerClients, List<Nemesis> all, TargetDatabase target, Path dir, RunOptions options,
                  Duration opTimeout, Instant startedAt) {
            this.s = s;
            this.workload = workload;
            this.variant = variant;
            this.clients = clients;
            this.workerClients = workerClients;
            this.target = target;
            this.dir = dir;
            this.options = options;
            this.opTimeout = opTimeout;
            this.startedAt = startedAt;
            this.random = new Random(s.seed() ^ 0x6e656d65736973L);
            for (int i = 0; i < all.size(); i++) {
                var reason = all.get(i).unavailable(this);
                if (reason.isPresent()) {
                    problems.add("fault " + all.get(i).name() + " skipped: " + reason.get());
                    options.out().println("lockbench: fault " + all.get(i).name() + " skipped: " + reason.get());
                } else {
                    nemeses.add(all.get(i));
                    faults.add(s.nemesis().get(i));
                }
            }
        }

        RunOutcome run() throws IOException {
            long start = System.nanoTime();
            boolean cutShort;
            double mainSeconds;
            try (OutputStream history = Files.newOutputStream(dir.resolve("history.jsonl"))) {
                recorder = new Recorder(history, start);
                RunState state = new RunState(recorder, target, Dialects.of(target.backend()), workerClients,
                        workload.readOnlyOperations(), s.workload().settings(), opTimeout, s.clients(), s.ops());
                setUp(state);
                for (Nemesis n : nemeses) {
                    try {
                        n.setup(this);
                    } catch (Exception e) {
                        problems.add(n.name() + " setup: " + Completions.describe(e));
                    }
                }
                long interval = s.rate() > 0 ? (long) (1e9 * s.clients() / s.rate()) : 0;
                List<Thread> threads = new ArrayList<>();
                for (int i = 0; i < s.clients(); i++) {
                    Worker w = new Worker(i, workload.generator(i, new Random(s.seed() * 31 + i)), state, i, interval);
                    workers.add(w);
                    Thread t = new Thread(w, "lockbench-client-" + i);
                    t.setDaemon(true);
                    threads.add(t);
                }
                FaultDriver driver = new FaultDriver(faults, nemeses, this, recorder);
                Progress.Mode mode = options.progress();
                threads.forEach(Thread::start);
                try {
                    if (!state.awaitOpened(OPEN_TIMEOUT.plus(opTimeout))) {
                        problems.add("not every client opened within " + OPEN_TIMEOUT.plus(opTimeout).toSeconds()
                                + " s; the run started with those that did");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                long mainStart = System.nanoTime();
                try (Progress progress = new Progress(mode, options.out(), recorder, s.duration(), driver::active)) {
                    state.start();
                    driver.start();
                    cutShort = awaitEnd(state, mainStart);
                    state.stop();
                    joinWorkers(threads);
                    mainSeconds = (System.nanoTime() - mainStart) / 1e9;
                    driver.stopAndHeal();
                }
                problems.addAll(driver.problems());
                problems.addAll(state.failures());
                if (!cutShort) {
                    finalOps(state);
                }
                tearDown(state);
                recorder.close();
                List<RunResults.FaultInterval> intervals = driver.intervals();
                return finish(cutShort, mainSeconds, intervals);
            }
        }

        private void setUp(RunState state) {
            try (Database pool = state.openPool()) {
                Client c = clients.get();
                try {
                    c.setup(state.context(pool, -1));
                } finally {
                    c.close();
                }
            } catch (ScenarioException e) {
                throw e; // the scenario's own mistake (a statement that does not prepare): its message says it all
            } catch (Exception e) {
                throw new IllegalStateException("setting up the database failed: " + Completions.describe(e), e);
            }
        }

        private void tearDown(RunState state) {
            try (Database pool = state.openPool()) {
                Client c = clients.get();
                try {
                    c.teardown(state.context(pool, -1));
                } finally {
                    c.close();
                }
            } catch (Exception e) {
                problems.add("teardown: " + Completions.describe(e));
            }
        }

        /** True when cut short (cancelled) rather than ended by duration or operation limit. */
        private boolean awaitEnd(RunState state, long start) {
            long end = start + s.duration().toNanos();
            while (state.running() && System.nanoTime() < end) {
                if (options.cancel() != null && options.cancel().get()) {
                    return true;
                }
                try {
                    Thread.sleep(Math.min(50, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            }
            return false;
        }

        private void joinWorkers(List<Thread> threads) {
            // Faults are still active: a frozen client is released by its socket timeout, or left behind.
            long deadline = System.nanoTime() + opTimeout.toNanos() + 5_000_000_000L;
            for (int i = 0; i < threads.size(); i++) {
                Thread t = threads.get(i);
                try {
                    t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (t.isAlive()) {
                    t.interrupt();
                    problems.add("client " + i + " (process " + workers.get(i).process() + ") was still in an operation "
                            + "after " + (opTimeout.toSeconds() + 5) + " s: left running, its operation stays unknown");
                }
            }
        }

        /** The workload's final reads, on a fresh process; retried on new processes while the database recovers. */
        private void finalOps(RunState state) {
            List<OpSpec> ops = workload.finalOps();
            int next = 0;
            for (int attempt = 1; attempt <= FINAL_ATTEMPTS && next < ops.size(); attempt++) {
                long process = state.nextProcess();
                try (Database pool = state.openPool()) {
                    Client c = clients.get();
                    try {
                        c.open(state.context(pool, process));
                        while (next < ops.size()) {
                            OpSpec op = ops.get(next);
                            recorder.invoke(process, op);
                            var completion = invoke(c, state, process, op);
                            recorder.complete(process, op, completion);
                            if (!completion.isOk()) {
                                break; // a new process tries again
                            }
                            next++;
                        }
                    } finally {
                        c.close();
                    }
                } catch (Exception e) {
                    problems.add("final read, attempt " + attempt + ": " + Completions.describe(e));
                }
                if (next < ops.size()) {
                    sleep(Duration.ofMillis(500L * attempt));
                }
            }
            if (next < ops.size()) {
                problems.add("the final reads did not complete: " + (ops.size() - next) + " of " + ops.size()
                        + " missing; checkers judge without them");
            }
        }

        private static io.lockbench.api.Completion invoke(Client c, RunState state, long process, OpSpec op) {
            try {
                var completion = c.invoke(new io.lockbench.api.Operation(process, op.f(), op.key(), op.value()));
                return completion != null ? completion
                        : io.lockbench.api.Completion.info("CLIENT_ERROR", "the client returned no completion");
            } catch (Exception e) {
                return Completions.fromException(e, state.dialect(), state.readOnly(op.f()));
            }
        }

        private RunOutcome finish(boolean cutShort, double mainSeconds, List<RunResults.FaultInterval> intervals)
                throws IOException {
            History history = new History(recorder.ops());
            List<RunResults.CheckerOutcome> outcomes = new ArrayList<>();
            io.lockbench.stress.checker.Verdict verdict = io.lockbench.stress.checker.Verdict.VALID;
            if (cutShort) {
                verdict = io.lockbench.stress.checker.Verdict.UNKNOWN;
            } else {
                for (CheckerUse use : checkerUses()) {
                    CheckResult r = CheckerCatalog.checker(use.model()).check(only(history, use));
                    outcomes.add(Results.outcome(use.model(), r));
                    verdict = verdict.and(r.verdict());
                }
            }
            OpStats stats = new OpStats();
            workers.forEach(w -> stats.addAll(w.stats()));
            RunResults results = Results.of(s, variant, target, options, startedAt, mainSeconds, verdict, cutShort,
                    outcomes, stats, intervals, problems);
            results.write(dir.resolve("results.json"));
            Files.writeString(dir.resolve("summary.md"), Summary.markdown(results, dir));
            RunDirectory.markLatest(options.runsDirectory(), dir);
            return new RunOutcome(verdict, results, dir);
        }

        private List<CheckerUse> checkerUses() {
            if (s.checkers().isEmpty()) {
                return workload.checkers();
            }
            List<CheckerUse> uses = new ArrayList<>();
            java.util.Set<String> fs = new java.util.HashSet<>();
            workload.checkers().forEach(u -> fs.addAll(u.operations()));
            s.checkers().forEach(m -> uses.add(new CheckerUse(m, fs)));
            return uses;
        }

        /** The history a checker reads: only its operations (and never the nemesis's). */
        private static History only(History h, CheckerUse use) {
            List<Op> kept = new ArrayList<>();
            for (Op op : h) {
                if (op.process() != Op.NEMESIS && use.operations().contains(op.f())) {
                    kept.add(op);
                }
            }
            return new History(kept);
        }

        private static void sleep(Duration d) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        // NemesisContext

        @Override
        public Backend backend() {
            return target.backend();
        }

        @Override
        public Database admin() {
            return target.admin();
        }

        @Override
        public String applicationName() {
            return target.applicationName();
        }

        @Override
        public List<ClientHandle> clients() {
            return List.copyOf(workers);
        }

        @Override
        public boolean clientsInProcesses() {
            return s.inProcesses();
        }

        @Override
        public TcpProxy proxy() {
            return target.proxy();
        }

        @Override
        public Path sqliteFile() {
            return target.sqliteFile();
        }

        @Override
        public Path runDirectory() {
            return dir;
        }

        @Override
        public Random random() {
            return random;
        }
    }
}
