package io.lockbench.stress.runner;

import io.lockbench.api.Client;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.Dialect;
import io.lockbench.stress.scenario.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** What the workers of one run share: whether to go on, process ids, the recorder, how to make a client. */
final class RunState {

    private final Recorder recorder;
    private final TargetDatabase target;
    private final Dialect dialect;
    private final Supplier<Client> clients;
    private final Set<String> readOnly;
    private final Map<String, String> settings;
    private final Duration opTimeout;
    private final AtomicLong processes;
    private final AtomicLong tickets;
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;
    /** Workers count down once their client is open; the main phase starts when all are (Jepsen opens clients first). */
    private final java.util.concurrent.CountDownLatch opened;
    private final java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);

    RunState(Recorder recorder, TargetDatabase target, Dialect dialect, Supplier<Client> clients, Set<String> readOnly,
             Map<String, String> settings, Duration opTimeout, long firstFreeProcess, long opLimit) {
        this.recorder = recorder;
        this.target = target;
        this.dialect = dialect;
        this.clients = clients;
        this.readOnly = readOnly;
        this.settings = settings;
        this.opTimeout = opTimeout;
        this.processes = new AtomicLong(firstFreeProcess);
        this.tickets = new AtomicLong(opLimit <= 0 ? Long.MAX_VALUE : opLimit);
        this.opened = new java.util.concurrent.CountDownLatch((int) firstFreeProcess);
    }

    /** A worker's client is open; waits until every worker's is and the main phase begins. */
    void openedAndWaitForStart() throws InterruptedException {
        opened.countDown();
        go.await();
    }

    /** Waits until every worker has opened its client (or the timeout); true if all did. */
    boolean awaitOpened(java.time.Duration timeout) throws InterruptedException {
        return opened.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Starts the main phase. */
    void start() {
        go.countDown();
    }

    boolean running() {
        return running;
    }

    void stop() {
        running = false;
        go.countDown();
    }

    /** False once the scenario's operation limit is spent (and then the run stops). */
    boolean takeTicket() {
        if (tickets.decrementAndGet() < 0) {
            running = false;
            return false;
        }
        return true;
    }

    long nextProcess() {
        return processes.getAndIncrement();
    }

    Recorder recorder() {
        return recorder;
    }

    Dialect dialect() {
        return dialect;
    }

    boolean readOnly(String f) {
        return readOnly.contains(f);
    }

    Database openPool() {
        String busy = settings.get("busy-timeout");
        return target.openClientPool(opTimeout, busy == null ? null : Durations.parse(busy));
    }

    Client newClient() {
        return clients.get();
    }

    ProcessContext context(Database database, long process, java.time.Clock clock) {
        return new ProcessContext(target.clientUrl(), database, target.backend().name().toLowerCase(java.util.Locale.ROOT),
                process, settings, clock);
    }

    ProcessContext context(Database database, long process) {
        return context(database, process, java.time.Clock.systemUTC());
    }

    /** A client that could not open is a problem of the run, not a failure of its operations. */
    void clientDidNotOpen(long process, Exception e) {
        if (running) {
            failures.add("client of process " + process + " could not open: "
                    + io.lockbench.stress.client.Completions.describe(e));
        }
    }

    void workerFailed(int worker, RuntimeException e) {
        failures.add("worker " + worker + ": " + io.lockbench.stress.client.Completions.describe(e));
    }

    List<String> failures() {
        return List.copyOf(failures);
    }
}
