package io.lockbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockbench.impl.db.Backend;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

class BenchPlanTest {

    /** Seven benchmark classes, thirteen methods: two baselines, four correct strategies (the agent one also by its log and its sessions), five broken twins. */
    private static final int METHODS = 13;

    private static final OutputFormat SILENT = OutputFormatFactory.createFormatInstance(
            new PrintStream(OutputStream.nullOutputStream()), VerboseMode.SILENT);

    private static BenchPlan plan(Preset preset, List<Backend> backends, String... jmhArgs) {
        return BenchPlan.of(new BenchRequest(backends, preset, List.of(jmhArgs), Optional.empty(), "test"), SILENT);
    }

    @Test
    void theFullPreset_runsEveryBenchmarkAtThreeThreadCountsInBothModes() {
        BenchPlan plan = plan(Preset.FULL, List.of(Backend.SQLITE, Backend.POSTGRESQL));

        assertThat(plan.runs()).hasSize(2 * 3);
        assertThat(plan.runs()).extracting(o -> o.getThreads().get()).containsExactly(1, 4, 16, 1, 4, 16);
        Options first = plan.runs().get(0);
        assertThat(first.getBenchModes()).containsExactly(Mode.Throughput);
        assertThat(first.getTimeUnit().get()).isEqualTo(TimeUnit.SECONDS);
        assertThat(plan.runs().get(3).getBenchModes()).containsExactly(Mode.SampleTime);
        assertThat(plan.runs().get(3).getTimeUnit().get()).isEqualTo(TimeUnit.MICROSECONDS);
        assertThat(first.getForkCount().get()).isEqualTo(1);
        assertThat(first.getMeasurementIterations().get()).isEqualTo(5);
        assertThat(first.getParameter("backend").get()).containsExactly("sqlite", "postgresql");
        assertThat(first.shouldFailOnError().get()).isTrue();
        // methods × backends × keys {1, 16, 1024}, in each of the six runs
        assertThat(plan.benchmarks()).isEqualTo(METHODS * 2 * 3 * 6);
    }

    @Test
    void theQuickPreset_staysInTheHostJvmAtOneAndSixteenThreads() {
        BenchPlan plan = plan(Preset.QUICK, List.of(Backend.SQLITE));

        assertThat(plan.runs()).extracting(o -> o.getThreads().get()).containsExactly(1, 16, 1, 16);
        assertThat(plan.runs().get(0).getForkCount().get()).isZero();
        assertThat(plan.runs().get(0).getMeasurementTime().get()).isEqualTo(TimeValue.milliseconds(200));
        assertThat(plan.benchmarks()).isEqualTo(METHODS * 3 * 4);
    }

    @Test
    void jmhOptions_overrideThePreset() {
        BenchPlan plan = plan(Preset.FULL, List.of(Backend.SQLITE), "-t", "4", "-p", "keys=16", "-f", "2", "-i", "5",
                "-bm", "thrpt", "-rff", "out/r.json");

        assertThat(plan.runs()).hasSize(1);
        Options run = plan.runs().get(0);
        assertThat(run.getThreads().get()).isEqualTo(4);
        assertThat(run.getForkCount().get()).isEqualTo(2);
        assertThat(run.getMeasurementIterations().get()).isEqualTo(5);
        assertThat(run.getParameter("keys").get()).containsExactly("16");
        assertThat(plan.resultFile()).contains(Path.of("out/r.json"));
        assertThat(plan.benchmarks()).isEqualTo(METHODS);
    }

    @Test
    void aBenchmarkRegex_alwaysBringsTheBaselineAlong() {
        BenchPlan plan = plan(Preset.QUICK, List.of(Backend.SQLITE), "OptimisticRetry", "-t", "1");

        assertThat(plan.runs().get(0).getIncludes()).hasSize(2).contains("OptimisticRetry");
        assertThat(plan.benchmarks()).as("optimistic, verifyAfterWrite, checkContentAfterWrite, rawUpdate, rawInsert at 3 key counts × 2 modes")
                .isEqualTo(5 * 3 * 2);
    }

    @Test
    void optionsLockbenchSetsItself_orDoesNotSupport_areRefusedWithWhatToWriteInstead() {
        assertThatThrownBy(() -> plan(Preset.QUICK, List.of(Backend.SQLITE), "-p", "backend=sqlite"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--backend");
        assertThatThrownBy(() -> plan(Preset.QUICK, List.of(Backend.SQLITE), "-rf", "csv"))
                .hasMessageContaining("JSON only");
        assertThatThrownBy(() -> plan(Preset.QUICK, List.of(Backend.SQLITE), "--no-such-option"))
                .hasMessageStartingWith("bad JMH option").hasMessageContaining("benchmarks.jar -h");
        assertThatThrownBy(() -> plan(Preset.QUICK, List.of(Backend.SQLITE), "NoSuchBenchmarkAnywhere", "-e", "Raw"))
                .hasMessageStartingWith("no benchmark matches");
    }

    @Test
    void theClock_readsMinutesAndSecondsOrHours() {
        assertThat(ProgressOutput.clock(65)).isEqualTo("1:05");
        assertThat(ProgressOutput.clock(3725)).isEqualTo("1:02:05");
    }
}
