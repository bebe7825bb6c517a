package io.lockbench.stress.history;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EDN's two built-in tags, read exactly: {@code #inst} as an {@link Instant} (to the nanosecond,
 * any offset), {@code #uuid} as a {@link UUID}. Two instants written with different offsets are
 * equal when they are the same moment, as in Clojure.
 */
final class EdnTags {

    /** RFC 3339 as Clojure's reader takes it: every part after the year optional. */
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:[Tt](\\d{2})(?::(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?)?)?)?"
                    + "(?:([Zz])|([+-])(\\d{2}):(\\d{2}))?");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    private EdnTags() {
    }

    static Instant instant(Object tagged, EdnParser at) {
        Matcher m = tagged instanceof String s ? TIMESTAMP.matcher(s) : null;
        if (m == null || !m.matches()) {
            throw at.problem("expected #inst to tag an RFC 3339 timestamp such as \"2024-05-01T12:00:00.123Z\" but found "
                    + EdnValues.print(tagged));
        }
        try {
            String fraction = m.group(7) == null ? "" : m.group(7);
            int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), part(m.group(2), 1),
                    part(m.group(3), 1), part(m.group(4), 0), part(m.group(5), 0), part(m.group(6), 0), nanos);
            ZoneOffset offset = m.group(9) == null ? ZoneOffset.UTC
                    : ZoneOffset.ofHoursMinutes(Integer.parseInt(m.group(10)) * (m.group(9).equals("-") ? -1 : 1),
                            Integer.parseInt(m.group(11)) * (m.group(9).equals("-") ? -1 : 1));
            return local.toInstant(offset);
        } catch (DateTimeException e) {
            throw at.problem("expected #inst to tag a valid date and time but found " + EdnValues.print(tagged)
                    + " (" + e.getMessage() + ")");
        }
    }

    static UUID uuid(Object tagged, EdnParser at) {
        if (tagged instanceof String s && UUID_TEXT.matcher(s).matches()) {
            return UUID.fromString(s);
        }
        throw at.problem("expected #uuid to tag a UUID such as \"f81d4fae-7dec-11d0-a765-00a0c91e6bf6\" but found "
                + EdnValues.print(tagged));
    }

    private static int part(String digits, int absent) {
        return digits == null ? absent : Integer.parseInt(digits);
    }
}
