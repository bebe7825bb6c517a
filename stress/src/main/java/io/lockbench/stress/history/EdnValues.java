package io.lockbench.stress.history;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * EDN text for the plain data an {@link Op} carries, as Jepsen writes it: a space between
 * elements, {@code ", "} between map entries. Every value {@link EdnParser} produces prints back
 * to one that reads as an equal value ({@code 1E+400M}, {@code 12345678901234567890N},
 * {@code #inst "…"}, {@code #uuid "…"}).
 */
final class EdnValues {

    /** Keyword names that print back as themselves; anything else is written as a string. */
    private static final Pattern KEYWORD_NAME = Pattern.compile("[A-Za-z*+!_?<>=-][A-Za-z0-9*+!_?<>=./-]*");

    private EdnValues() {
    }

    static String print(Object plain) {
        StringBuilder b = new StringBuilder();
        print(plain, b);
        return b.toString();
    }

    static void print(Object v, StringBuilder b) {
        if (v == null) {
            b.append("nil");
        } else if (v instanceof String s) {
            string(s, b);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof Boolean) {
            b.append(v);
        } else if (v instanceof Double || v instanceof Float) {
            number(((Number) v).doubleValue(), b);
        } else if (v instanceof BigInteger n) {
            b.append(n).append('N');
        } else if (v instanceof BigDecimal d) {
            b.append(d).append('M');
        } else if (v instanceof Instant t) {
            b.append("#inst \"").append(t).append('"');
        } else if (v instanceof UUID u) {
            b.append("#uuid \"").append(u).append('"');
        } else if (v instanceof Collection<?> items) {
            b.append('[');
            boolean first = true;
            for (Object o : items) {
                if (!first) {
                    b.append(' ');
                }
                first = false;
                print(o, b);
            }
            b.append(']');
        } else if (v instanceof Map<?, ?> map) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    b.append(", ");
                }
                first = false;
                print(e.getKey(), b);
                b.append(' ');
                print(e.getValue(), b);
            }
            b.append('}');
        } else {
            string(v.toString(), b);
        }
    }

    /** A name as a keyword ({@code :cas}) when it is a valid one, otherwise as a string. */
    static String keywordOrString(String name) {
        return KEYWORD_NAME.matcher(name).matches() ? ":" + name : print(name);
    }

    private static void number(double d, StringBuilder b) {
        if (Double.isNaN(d)) {
            b.append("##NaN");
        } else if (Double.isInfinite(d)) {
            b.append(d > 0 ? "##Inf" : "##-Inf");
        } else {
            b.append(d);
        }
    }

    private static void string(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> b.append(c);
            }
        }
        b.append('"');
    }
}
