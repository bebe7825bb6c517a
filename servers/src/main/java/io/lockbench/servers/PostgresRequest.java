package io.lockbench.servers;

/**
 * What the user asked for: a server of their own, and which PostgreSQL version. Both may be
 * absent; each remembers where it came from, so a message can say "from LOCKBENCH_PG_URL" or
 * "--pg-version 14".
 *
 * @param url           the user's server, or {@code null}
 * @param urlOrigin     where {@code url} came from ({@value #URL_ENV} or {@code --pg-url})
 * @param version       the requested major version as given, or {@code null} for the newest
 * @param versionOrigin where {@code version} came from ({@value #VERSION_ENV} or {@code --pg-version})
 */
public record PostgresRequest(String url, String urlOrigin, String version, String versionOrigin) {

    public static final String URL_ENV = "LOCKBENCH_PG_URL";
    public static final String VERSION_ENV = "LOCKBENCH_PG_VERSION";

    public PostgresRequest {
        url = blankToNull(url);
        version = blankToNull(version);
    }

    /** From {@value #URL_ENV} and {@value #VERSION_ENV}. */
    public static PostgresRequest fromEnvironment() {
        return new PostgresRequest(System.getenv(URL_ENV), URL_ENV, System.getenv(VERSION_ENV), VERSION_ENV);
    }

    /** From command-line options, each falling back to its environment variable when not given. */
    public static PostgresRequest fromOptions(String urlOption, String versionOption) {
        PostgresRequest env = fromEnvironment();
        boolean urlGiven = blankToNull(urlOption) != null;
        boolean versionGiven = blankToNull(versionOption) != null;
        return new PostgresRequest(
                urlGiven ? urlOption : env.url(), urlGiven ? "--pg-url" : URL_ENV,
                versionGiven ? versionOption : env.version(), versionGiven ? "--pg-version" : VERSION_ENV);
    }

    /** The requested version, or the newest; an unknown one is an {@link IllegalArgumentException} naming the choices. */
    PostgresVersion versionOrNewest() {
        return version == null ? PostgresVersion.newest() : PostgresVersion.parse(version, versionOrigin + "=" + version);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
