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

    /** Appends a query parameter, whether or not the URL already has some. */
    public static String withParameter(String jdbcUrl, String name, String value) {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + name + "=" + value;
    }
}
