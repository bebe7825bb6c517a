package io.lockbench.stress.history;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import us.bpsm.edn.Keyword;
import us.bpsm.edn.Named;
import us.bpsm.edn.TaggedValue;
import us.bpsm.edn.printer.Printer;
import us.bpsm.edn.printer.Printers;
import us.bpsm.edn.protocols.Protocol;

/**
 * Conversion between edn-java's values and the plain data an {@link Op} carries, and EDN text for
 * plain data. Keywords and symbols become strings ({@code :cas} → {@code "cas"}), sets become
 * lists, tagged values (such as {@code #jepsen.history.Op{…}}) become the value they tag, big
 * numbers become {@code Long} or {@code Double}.
 */
final class EdnValues {

    /** Keyword names that print back as themselves; anything else is written as a string. */
    private static final Pattern KEYWORD_NAME = Pattern.compile("[A-Za-z*+!_?<>=-][A-Za-z0-9*+!_?<>=./-]*");

    /** edn-java's printer, with a space between elements and ", " between map entries, as Jepsen writes. */
    private static final Protocol<Printer.Fn<?>> SPACED = Printers.defaultProtocolBuilder()
            .put(List.class, (Printer.Fn<List<?>>) EdnValues::printList)
            .put(Map.class, (Printer.Fn<Map<?, ?>>) EdnValues::printMap)
            .build();

    private EdnValues() {
    }

    static Object toPlain(Object v) {
        if (v == null || v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Named n) {
            return n.getPrefix() == null || n.getPrefix().isEmpty() ? n.getName() : n.getPrefix() + "/" + n.getName();
        }
        if (v instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
        if (v instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (v instanceof Number n) {
            return n instanceof Float ? (Object) n.doubleValue() : (Object) n.longValue();
        }
        if (v instanceof Character c) {
            return c.toString();
        }
        if (v instanceof TaggedValue t) {
            return toPlain(t.getValue());
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(toPlain(e.getKey()), toPlain(e.getValue()));
            }
            return Collections.unmodifiableMap(out);
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            boolean nulls = false;
            for (Object o : c) {
                Object p = toPlain(o);
                nulls |= p == null;
                out.add(p);
            }
            return nulls ? Collections.unmodifiableList(Arrays.asList(out.toArray())) : List.copyOf(out);
        }
        return v.toString();
    }

    /** EDN text of plain data: strings stay strings, lists become vectors. */
    static String print(Object plain) {
        return Printers.printString(SPACED, plain);
    }

    /** A name as a keyword ({@code :cas}) when it is a valid one, otherwise as a string. */
    static String keywordOrString(String name) {
        return KEYWORD_NAME.matcher(name).matches() ? Keyword.newKeyword(name).toString() : print(name);
    }

    private static void printList(List<?> list, Printer p) {
        p.append('[');
        boolean first = true;
        for (Object o : list) {
            if (!first) {
                p.append(' ');
            }
            first = false;
            p.printValue(o);
        }
        p.append(']');
    }

    private static void printMap(Map<?, ?> map, Printer p) {
        p.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!first) {
                p.append(", ");
            }
            first = false;
            p.printValue(e.getKey());
            p.append(' ');
            p.printValue(e.getValue());
        }
        p.append('}');
    }
}
