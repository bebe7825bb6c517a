package io.lockbench.impl.db;

import java.util.regex.Pattern;

/** JDBC URL helpers; the one rule that matters is that a password never reaches a message. */
public final class JdbcUrls {

    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;]password=)[^&;]*");
    private static final Pattern USERINFO = Pattern.compile("(//[^/@:]+):[^/@]*@");

    private JdbcUrls() {
    }

    /** The URL with any password replaced by {@code ***}. */
    public static String redact(String jdbcUrl) {
        if (jdbcUrl == null) {
            return null;
        }
        String s = PASSWORD_PARAM.matcher(jdbcUrl).replaceAll("$1***");
        return USERINFO.matcher(s).replaceAll("$1:***@");
    }

    /**
     * The file a {@code jdbc:sqlite:} URL names ({@code jdbc:sqlite:app.db},
     * {@code jdbc:sqlite:file:app.db?mode=ro}), or {@code null} for an in-memory database or
     * another backend.
     */
    public static java.nio.file.Path sqliteFile(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.regionMatches(true, 0, "jdbc:sqlite:", 0, 12)) {
            return null;
        }
        String name = jdbcUrl.substring(12);
        if (name.startsWith("file:")) {
            name = name.substring(5);
        }
        int query = name.indexOf('?');
        if (query >= 0) {
            name = name.substring(0, query);
        }
        if (name.isEmpty() || name.equals(":memory:") || name.startsWith(":resource:")) {
            return null;
        }
        return java.nio.file.Path.of(name);
    }

    /**
     * {@code text} with the URL's password removed wherever it appears: drivers and pools quote
     * the URL they were given in their messages.
     */
    public static String redactIn(String text, String jdbcUrl) {
        if (text == null || jdbcUrl == null) {
            return text;
        }
        String out = text.replace(jdbcUrl, redact(jdbcUrl));
        java.util.regex.Matcher param = PASSWORD_PARAM.matcher(jdbcUrl);
        while (param.find()) {
            String secret = jdbcUrl.substring(param.end(1), param.end());
            if (!secret.isEmpty()) {
                out = out.replace(secret, "***");
            }
        }
        java.util.regex.Matcher userinfo = USERINFO.matcher(jdbcUrl);
        if (userinfo.find()) {
            String secret = jdbcUrl.substring(userinfo.end(1) + 1, userinfo.end() - 1);
            if (!secret.isEmpty()) {
                out = out.replace(secret, "***");
            }
        }
        return redact(out);
    }

    /** Appends a query parameter, whether or not the URL already has some. */
    public static String withParameter(String jdbcUrl, String name, String value) {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + name + "=" + value;
    }
}
