package io.lockbench.stress.client;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A statement with named parameters ({@code :key}) turned into JDBC's positional form
 * ({@code ?}). A name is a colon followed by a letter or underscore, then letters, digits and
 * underscores. Nothing inside quotes ({@code '…'}, {@code "…"}, PostgreSQL's {@code $tag$…$tag$})
 * or comments ({@code --}, {@code /* *&#47;}) is a parameter, nor a PostgreSQL cast
 * ({@code ::bigint}).
 *
 * @param text  the statement as written
 * @param jdbc  the statement with each parameter replaced by {@code ?}
 * @param names the parameter of each {@code ?}, in order (a name used twice appears twice)
 */
public record NamedSql(String text, String jdbc, List<String> names) {

    public NamedSql {
        names = List.copyOf(names);
    }

    public static NamedSql parse(String text) {
        StringBuilder out = new StringBuilder(text.length());
        List<String> names = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closing(text, i + 1, c);
                out.append(text, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(text, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                out.append(text, i, end);
                i = end;
            } else if (c == '$' && dollarTag(text, i) != null) {
                String tag = dollarTag(text, i);
                int end = text.indexOf(tag, i + tag.length());
                end = end < 0 ? n : end + tag.length();
                out.append(text, i, end);
                i = end;
            } else if (c == ':' && i + 1 < n && text.charAt(i + 1) == ':') {
                out.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < n && isNameStart(text.charAt(i + 1))) {
                int end = i + 2;
                while (end < n && isNamePart(text.charAt(end))) {
                    end++;
                }
                names.add(text.substring(i + 1, end));
                out.append('?');
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return new NamedSql(text, out.toString(), names);
    }

    /** The distinct names, in order of first use. */
    public Set<String> distinctNames() {
        return new LinkedHashSet<>(names);
    }

    /** Whether the statement only reads: it begins with SELECT (after comments and parentheses). */
    public boolean isSelect() {
        String t = text.stripLeading();
        while (t.startsWith("(") || t.startsWith("--") || t.startsWith("/*")) {
            if (t.startsWith("(")) {
                t = t.substring(1);
            } else if (t.startsWith("--")) {
                int nl = t.indexOf('\n');
                t = nl < 0 ? "" : t.substring(nl + 1);
            } else {
                int end = t.indexOf("*/");
                t = end < 0 ? "" : t.substring(end + 2);
            }
            t = t.stripLeading();
        }
        return t.regionMatches(true, 0, "SELECT", 0, 6);
    }

    private static int closing(String text, int from, char quote) {
        int i = from;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2; // a doubled quote stands for itself
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    /** {@code $$} or {@code $tag$} starting at {@code i}, or null. */
    private static String dollarTag(String text, int i) {
        int j = i + 1;
        while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
            j++;
        }
        if (j < text.length() && text.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(text.charAt(i + 1)))) {
            return text.substring(i, j + 1);
        }
        return null;
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
