package io.lockbench.bench.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.impl.catalog.Variant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

class MeasuredVariantsTest {

    /** Not benchmarked, and why: its claim and release are the correct store's own code. */
    private static final Set<Variant> NOT_BENCHMARKED = Set.of(Variant.UNFENCED_CLAIMS);

    private static Set<String> benchmarks() {
        return BenchmarkList.defaultList()
                .find(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of(".*"), List.of())
                .stream().map(BenchmarkListEntry::getUsername).collect(Collectors.toSet());
    }

    @Test
    void everyBenchmarkMethod_isABaselineOrMeasuresAVariant() {
        assertThat(benchmarks()).isNotEmpty().allSatisfy(name -> {
            String method = name.substring(name.lastIndexOf('.') + 1);
            assertThat(MeasuredVariants.of(method).isPresent() || Baseline.ofBenchmark(name).isPresent())
                    .as(name + " names a Variant in camel case, or is a Baseline").isTrue();
        });
    }

    @Test
    void everyVariant_isBenchmarkedUnlessListedWithAReason() {
        Set<String> methods = benchmarks().stream().map(n -> n.substring(n.lastIndexOf('.') + 1))
                .collect(Collectors.toSet());

        List<Variant> missing = Arrays.stream(Variant.values())
                .filter(v -> !methods.contains(MeasuredVariants.methodOf(v)) && !NOT_BENCHMARKED.contains(v)).toList();

        assertThat(missing).isEmpty();
        assertThat(Arrays.stream(Variant.values()).filter(v -> !v.isBroken()))
                .as("every correct strategy is benchmarked").noneMatch(NOT_BENCHMARKED::contains);
    }

    @Test
    void bothBaselines_areBenchmarks() {
        assertThat(benchmarks()).contains(Baseline.RAW_UPDATE.benchmark(), Baseline.RAW_INSERT.benchmark());
    }

    @Test
    void methodNamesAndVariants_mapBothWays() {
        for (Variant v : Variant.values()) {
            assertThat(MeasuredVariants.of(MeasuredVariants.methodOf(v))).contains(v);
        }
        assertThat(MeasuredVariants.methodOf(Variant.CHECK_THEN_INSERT)).isEqualTo("checkThenInsert");
        assertThat(MeasuredVariants.of("rawUpdate")).isEmpty();
    }

    @Test
    void operationBenchmarks_exist_andAreLabelledApartFromTheirStrategy() {
        Set<String> classes = benchmarks().stream().map(MeasuredVariants::benchmarkClass).collect(Collectors.toSet());
        assertThat(classes).containsAll(MeasuredVariants.OPERATION_BENCHMARKS);

        String logAppend = "io.lockbench.bench.AgentLogAppendBenchmark.agentScoped";
        String context = "io.lockbench.bench.AgentContextBenchmark.agentScoped";
        assertThat(MeasuredVariants.comparesStrategies(logAppend)).isFalse();
        assertThat(MeasuredVariants.comparesStrategies(context)).isTrue();
        assertThat(MeasuredVariants.label(logAppend, Variant.AGENT_SCOPED)).isEqualTo("agent-scoped (log append)");
        assertThat(MeasuredVariants.label(context, Variant.AGENT_SCOPED)).isEqualTo("agent-scoped");
    }
}
