package io.lockbench.servers;

import java.util.regex.Pattern;

/**
 * A JDBC URL fit for a message: any password replaced by {@code ***}. (lockbench-impl has the same
 * rule in {@code JdbcUrls}; this module sits below impl and cannot use it.)
 */
final class JdbcUrlRedaction {

    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;]password=)[^&;]*");
    private static final Pattern USERINFO = Pattern.compile("(//[^/@:]+):[^/@]*@");

    private JdbcUrlRedaction() {
    }

    static String redact(String jdbcUrl) {
        String s = PASSWORD_PARAM.matcher(jdbcUrl).replaceAll("$1***");
        return USERINFO.matcher(s).replaceAll("$1:***@");
    }
}
