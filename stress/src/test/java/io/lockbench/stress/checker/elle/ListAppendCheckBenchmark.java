package io.lockbench.stress.checker.elle;

import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.checker.Verdict;
import io.lockbench.stress.history.History;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long the list-append checker takes on the 100,000-transaction history of
 * {@code ListAppendScaleTest} (strictly serializable, so valid at every model), at serializable
 * (data dependencies only), strong session serializable (with process edges) and strict
 * serializable (with real-time edges). Each measurement is one whole check; the history is
 * generated once, outside the measurement.
 *
 * <pre>
 * mvn -q -pl stress -am test-compile
 * mvn -q -pl stress dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp stress/target/test-classes:stress/target/classes:$(cat stress/target/test.classpath) \
 *      org.openjdk.jmh.Main ListAppendCheckBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 8)
@Measurement(iterations = 8)
public class ListAppendCheckBenchmark {

    @Param({"serializable", "strong-session-serializable", "strict-serializable"})
    public String model;

    History history;
    ListAppendChecker checker;

    @Setup(Level.Trial)
    public void generate() {
        history = new History(new SimulatedListAppendDatabase(1, 10, 10).history(100_000));
        checker = new ListAppendChecker(ConsistencyModel.parse(model));
    }

    @Benchmark
    public CheckResult check() {
        CheckResult r = checker.check(history);
        if (r.verdict() != Verdict.VALID) {
            throw new IllegalStateException("the generated history must be valid: " + r.summary());
        }
        return r;
    }
}
