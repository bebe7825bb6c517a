package io.lockbench.bench.results;

import io.lockbench.impl.catalog.Variant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which {@link Variant} a benchmark method measures: each strategy benchmark is named after its
 * variant in camel case ({@code PessimisticClaimsBenchmark.checkThenInsert} measures {@code
 * CHECK_THEN_INSERT}), so the catalog stays the one list of variants.
 */
public final class MeasuredVariants {

    private MeasuredVariants() {
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
