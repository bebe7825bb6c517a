package io.lockbench.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads durations as people write them: {@code 500ms}, {@code 60s}, {@code 2m}, {@code 1h}, or ISO-8601 {@code PT1M}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m|h)");
    /** Longer budgets are surely typos, and would overflow a deadline computed from the clock. */
    static final Duration MAX = Duration.ofDays(365);

    @Override
    public Duration convert(String value) {
        Duration d = parse(value);
        if (d.isNegative() || d.compareTo(MAX) > 0) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration from 0 to 365 days");
        }
        return d;
    }

    private static Duration parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(v);
        if (m.matches()) {
            if (m.group(1).length() > 12) {
                return MAX.plusDays(1); // far beyond the limit (and beyond a long in nanoseconds)
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        try {
            return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new CommandLine.TypeConversionException("'" + value
                    + "' is not a duration; write it like 500ms, 60s, 2m or 1h");
        }
    }
}
