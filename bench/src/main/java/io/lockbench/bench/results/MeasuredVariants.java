package io.lockbench.bench.results;

import io.lockbench.impl.catalog.Variant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which {@link Variant} a benchmark method measures: each strategy benchmark is named after its
 * variant in camel case ({@code PessimisticClaimsBenchmark.checkThenInsert} measures {@code
 * CHECK_THEN_INSERT}), so the catalog stays the one list of variants.
 */
public final class MeasuredVariants {

    /**
     * Benchmark classes that measure one more operation of a variant at its users' scale (an agent's
     * log appends, session starts) rather than the strategy's write: they are reported beside the
     * strategy, never compared with the other strategies.
     */
    static final Set<String> OPERATION_BENCHMARKS = Set.of("AgentLogAppendBenchmark", "AgentSessionStartBenchmark");

    private MeasuredVariants() {
    }

    /** The class of a fully qualified benchmark method: {@code AgentLogAppendBenchmark}. */
    public static String benchmarkClass(String benchmark) {
        String type = benchmark.substring(0, Math.max(0, benchmark.lastIndexOf('.')));
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** Whether a benchmark measures a strategy's write, comparable with the other strategies' and the baselines. */
    public static boolean comparesStrategies(String benchmark) {
        return !OPERATION_BENCHMARKS.contains(benchmarkClass(benchmark));
    }

    /** {@code agent-scoped}, or for an operation benchmark {@code agent-scoped (log append)}. */
    public static String label(String benchmark, Variant variant) {
        if (comparesStrategies(benchmark)) {
            return variant.cliName();
        }
        String operation = benchmarkClass(benchmark).replaceFirst("^Agent", "").replaceFirst("Benchmark$", "")
                .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return variant.cliName() + " (" + operation + ")";
    }

    /** The variant a benchmark method measures; empty for the baselines and anything else. */
    public static Optional<Variant> of(String method) {
        String constant = method.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        return Arrays.stream(Variant.values()).filter(v -> v.name().equals(constant)).findFirst();
    }

    /** The benchmark method that measures {@code variant}: {@code CHECK_THEN_INSERT} → {@code checkThenInsert}. */
    public static String methodOf(Variant variant) {
        StringBuilder method = new StringBuilder();
        for (String word : variant.name().toLowerCase(Locale.ROOT).split("_")) {
            method.append(method.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return method.toString();
    }
}
