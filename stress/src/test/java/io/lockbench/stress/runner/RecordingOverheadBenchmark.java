package io.lockbench.stress.runner;

import io.lockbench.api.Client;
import io.lockbench.api.Completion;
import io.lockbench.api.Operation;
import io.lockbench.impl.catalog.Variant;
import io.lockbench.impl.db.Database;
import io.lockbench.impl.db.DatabaseConfig;
import io.lockbench.stress.client.ReferenceClients;
import io.lockbench.stress.workload.Generator;
import io.lockbench.stress.workload.OpSpec;
import io.lockbench.stress.workload.WorkloadSpec;
import io.lockbench.stress.workload.Workloads;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * What recording costs a stress run: the same client operations (the register workload on the
 * optimistic store, SQLite in WAL mode: the fastest operations lockbench runs, so the worst case for
 * the recorder's share) with and without the {@link Recorder} writing every invocation and
 * completion to {@code history.jsonl}. The bound: {@code recorded} ≥ 0.97 × {@code unrecorded}.
 * {@code recordingAlone} measures the recorder by itself (an invocation and its completion, no
 * database): on a shared machine, where the two whole-operation scores drift with the load, the
 * ratio of its time to an operation's is the steadier figure of the same cost. {@code sideBySide}
 * runs both at once, two threads each, for a ratio that the machine's load cannot skew.
 *
 * <pre>
 * mvn -q -pl stress -am test-compile
 * mvn -q -pl stress dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp stress/target/test-classes:stress/target/classes:$(cat stress/target/test.classpath) \
 *      org.openjdk.jmh.Main RecordingOverheadBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(4)
public class RecordingOverheadBenchmark {

    static final WorkloadSpec WORKLOAD = new WorkloadSpec("register", 16, "uniform", null, null, null);

    Path dir;
    Recorder recorder;
    OutputStream history;

    @Setup(Level.Trial)
    public void createDirectory() throws IOException {
        dir = Files.createTempDirectory("lockbench-recording-");
    }

    /**
     * A new history per iteration: a run's recorder holds every op for the checkers, and one kept
     * for the whole trial would hold tens of millions in {@code recordingAlone}, whose score would
     * then be the garbage collector's, not the recorder's.
     */
    @Setup(Level.Iteration)
    public void startHistory() throws IOException {
        history = Files.newOutputStream(dir.resolve("history.jsonl"));
        recorder = new Recorder(history, System.nanoTime());
    }

    @TearDown(Level.Iteration)
    public void finishHistory() throws IOException {
        recorder.close();
        history.close();
    }

    @TearDown(Level.Trial)
    public void removeDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * One client process per benchmark thread, as in a run, each with a SQLite file of its own:
     * threads that shared one would wait on its single write lock, whose busy handler sleeps in
     * milliseconds, and those waits (not the operations) would decide the scores.
     */
    @State(Scope.Thread)
    public static class Process {
        long process;
        Database db;
        Client client;
        Generator generator;

        @Setup(Level.Trial)
        public void open(RecordingOverheadBenchmark run, ThreadParams thread) throws Exception {
            process = thread.getThreadIndex();
            String url = "jdbc:sqlite:" + run.dir.resolve("db-" + process + ".sqlite");
            db = Database.open(DatabaseConfig.of(url).withMaxPoolSize(2));
            client = ReferenceClients.of(Variant.OPTIMISTIC).get();
            client.setup(new ProcessContext(url, db, "sqlite", -1, Map.of(), Clock.systemUTC()));
            client.open(new ProcessContext(url, db, "sqlite", process, Map.of(), Clock.systemUTC()));
            generator = Workloads.of(WORKLOAD).generator((int) process, new Random(process));
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            client.close();
            db.close();
        }

        Completion invoke(OpSpec op) {
            try {
                return client.invoke(new Operation(process, op.f(), op.key(), op.value()));
            } catch (Exception e) {
                return Completion.info("OTHER", e.getMessage());
            }
        }
    }

    @Benchmark
    public Completion unrecorded(Process p) {
        OpSpec op = p.generator.next();
        Completion c = p.invoke(op);
        p.generator.completed(op, c);
        return c;
    }

    static final OpSpec WRITE = new OpSpec("write", "k7", Map.of("expected", 6, "content", "w1-42"));
    static final Completion OK = Completion.ok(Map.of("version", 7));

    @Benchmark
    public Completion recordingAlone(RecordingOverheadBenchmark run, Process p) {
        OpSpec op = WRITE;
        run.recorder.invoke(p.process, op);
        run.recorder.complete(p.process, op, OK);
        return OK;
    }

    @Benchmark
    public Completion recorded(RecordingOverheadBenchmark run, Process p) {
        OpSpec op = p.generator.next();
        run.recorder.invoke(p.process, op);
        Completion c = p.invoke(op);
        run.recorder.complete(p.process, op, c);
        p.generator.completed(op, c);
        return c;
    }

    /*
     * The same two, side by side: two threads record and two do not, at the same time, on the same
     * database. Whatever else the machine does slows both halves alike, so the ratio of their
     * scores holds on a busy machine where two separate runs drift apart by more than the 3 %
     * being measured.
     */

    @Benchmark
    @Group("sideBySide")
    @GroupThreads(2)
    public Completion withRecorder(RecordingOverheadBenchmark run, Process p) {
        return recorded(run, p);
    }

    @Benchmark
    @Group("sideBySide")
    @GroupThreads(2)
    public Completion withoutRecorder(Process p) {
        return unrecorded(p);
    }
}
