package io.lockbench.stress.history;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import us.bpsm.edn.EdnException;
import us.bpsm.edn.Keyword;
import us.bpsm.edn.TaggedValue;
import us.bpsm.edn.parser.Parseable;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/**
 * Imports a Jepsen history in EDN: either one vector (or list) of operation maps
 * ({@code [{:type :invoke …} {:type :ok …}]}, as Knossos's test data) or one map per line
 * ({@code history.edn} as Jepsen writes it). Parsing is edn-java's; this class maps each value
 * to an {@link Op} and says on which line a problem is.
 *
 * <p>Fields: {@code :type} (:invoke/:ok/:fail/:info), {@code :f}, {@code :process} (an integer or
 * {@code :nemesis}) are required; {@code :value}, {@code :time} (default 0), {@code :index}
 * (default: the op's position) and {@code :error} are optional; other keys are ignored. Keywords
 * become strings.
 *
 * <p>Keys are never guessed: Jepsen's independent histories carry them as {@code :value [key v]},
 * which is indistinguishable from a single register's {@code cas [old new]}. Pass
 * {@code independent = true} to read every client op's value as {@code [key v]}.
 */
public final class EdnHistoryReader {

    private static final Keyword TYPE = Keyword.newKeyword("type");
    private static final Keyword F = Keyword.newKeyword("f");
    private static final Keyword PROCESS = Keyword.newKeyword("process");
    private static final Keyword VALUE = Keyword.newKeyword("value");
    private static final Keyword TIME = Keyword.newKeyword("time");
    private static final Keyword INDEX = Keyword.newKeyword("index");
    private static final Keyword ERROR = Keyword.newKeyword("error");

    private EdnHistoryReader() {
    }

    public static LoadedHistory read(Path file, boolean independent) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString(), independent);
        }
    }

    public static LoadedHistory read(Reader in, String source, boolean independent) throws IOException {
        List<Op> ops = new ArrayList<>();
        stream(in, source, independent, ops::add);
        return new LoadedHistory(source, new History(ops), List.of());
    }

    /** Hands each operation to {@code sink} as soon as it is parsed. */
    public static void stream(Reader in, String source, boolean independent, Consumer<Op> sink) throws IOException {
        LineTrackingParseable src = new LineTrackingParseable(in);
        Parser parser = Parsers.newParser(Parsers.defaultConfiguration());
        long position = 0;
        int first = src.peekPastBlanks();
        if (first == '[' || first == '(') {
            char close = first == '[' ? ']' : ')';
            long openedOn = src.line();
            src.read();
            while (true) {
                int c = src.peekPastBlanks();
                if (c == close) {
                    src.read();
                    break;
                }
                if (c == Parseable.END_OF_INPUT) {
                    throw new MalformedHistoryException(source, src.line(), "expected " + close
                            + " to close the " + (close == ']' ? "vector" : "list") + " opened on line " + openedOn
                            + " but the file ended");
                }
                long line = src.line();
                sink.accept(toOp(next(parser, src, source), source, line, position++, independent));
            }
            if (src.peekPastBlanks() != Parseable.END_OF_INPUT) {
                throw new MalformedHistoryException(source, src.line(),
                        "expected nothing after the history's closing " + close + " but found more");
            }
            return;
        }
        while (src.peekPastBlanks() != Parseable.END_OF_INPUT) {
            long line = src.line();
            sink.accept(toOp(next(parser, src, source), source, line, position++, independent));
        }
    }

    private static Object next(Parser parser, LineTrackingParseable src, String source) {
        try {
            return parser.nextValue(src);
        } catch (EdnException e) {
            throw new MalformedHistoryException(source, src.line(), "expected valid EDN: " + e.getMessage(), e);
        }
    }

    private static Op toOp(Object value, String source, long line, long position, boolean independent) {
        Object v = value instanceof TaggedValue t ? t.getValue() : value;
        if (!(v instanceof Map<?, ?> map)) {
            throw new MalformedHistoryException(source, line,
                    "expected an operation map like {:type :invoke, :f :read, :process 0} but found "
                            + describe(value));
        }
        OpType type = type(map.get(TYPE), source, line);
        String f = f(map.get(F), source, line);
        long process = process(map.get(PROCESS), source, line);
        long index = map.containsKey(INDEX) ? integer(map.get(INDEX), ":index", source, line) : position;
        long time = map.containsKey(TIME) ? integer(map.get(TIME), ":time", source, line) : 0;
        Object error = map.get(ERROR);
        String errorText = error == null ? null
                : error instanceof String s ? s : EdnValues.print(error);
        Object plainValue = EdnValues.toPlain(map.get(VALUE));
        Object key = null;
        if (independent && process != Op.NEMESIS) {
            if (!(plainValue instanceof List<?> tuple) || tuple.size() != 2) {
                throw new MalformedHistoryException(source, line, "expected :value to be [key value] "
                        + "(an independent history) but found " + describe(map.get(VALUE)));
            }
            key = tuple.get(0);
            plainValue = tuple.get(1);
        }
        return new Op(index, type, process, f, key, plainValue, time, errorText);
    }

    private static OpType type(Object v, String source, long line) {
        if (v instanceof Keyword k && unqualified(k)) {
            switch (k.getName()) {
                case "invoke": return OpType.INVOKE;
                case "ok": return OpType.OK;
                case "fail": return OpType.FAIL;
                case "info": return OpType.INFO;
                default: break;
            }
        }
        throw new MalformedHistoryException(source, line,
                "expected :type to be one of :invoke, :ok, :fail, :info but found " + describe(v));
    }

    private static String f(Object v, String source, long line) {
        if (v instanceof Keyword || v instanceof String || v instanceof us.bpsm.edn.Symbol) {
            return ((String) EdnValues.toPlain(v)).intern();
        }
        throw new MalformedHistoryException(source, line, "expected :f to be a keyword such as :read but found "
                + describe(v));
    }

    private static long process(Object v, String source, long line) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Keyword k && unqualified(k) && k.getName().equals("nemesis")) {
            return Op.NEMESIS;
        }
        throw new MalformedHistoryException(source, line,
                "expected :process to be an integer or :nemesis but found " + describe(v));
    }

    private static boolean unqualified(Keyword k) {
        return k.getPrefix() == null || k.getPrefix().isEmpty();
    }

    private static long integer(Object v, String field, String source, long line) {
        if (v instanceof Long l) {
            return l;
        }
        throw new MalformedHistoryException(source, line, "expected " + field + " to be an integer but found "
                + describe(v));
    }

    private static String describe(Object ednValue) {
        if (ednValue == null) {
            return "nil";
        }
        if (ednValue instanceof Keyword || ednValue instanceof TaggedValue) {
            return ednValue.toString();
        }
        String text = EdnValues.print(EdnValues.toPlain(ednValue));
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
