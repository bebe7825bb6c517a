package io.lockbench.stress.scenario;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in scenarios and on the command line: {@code 500ms}, {@code 10s},
 * {@code 2m}, {@code 1h}; a leading minus for offsets ({@code -30s}).
 */
public final class Durations {

    private static final Pattern SIMPLE = Pattern.compile("(-?\\d{1,9})\\s*(ms|s|m|h)");

    private Durations() {
    }

    /** @throws IllegalArgumentException saying how to write one */
    public static Duration parse(String text) {
        String v = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        throw new IllegalArgumentException("'" + text + "' is not a duration; write it like 500ms, 10s, 2m or 1h");
    }

    /** The shortest exact spelling: {@code 1500ms}, {@code 10s}, {@code 2m}. */
    public static String format(Duration d) {
        if (d.isNegative()) {
            return "-" + format(d.negated());
        }
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1_000 == 0) {
            return ms / 1_000 + "s";
        }
        return ms + "ms";
    }
}
