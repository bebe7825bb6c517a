package io.lockbench.stress.history;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * Imports a Jepsen history in EDN: either one vector (or list) of operation maps
 * ({@code [{:type :invoke …} {:type :ok …}]}, as Knossos's test data) or one map per line
 * ({@code history.edn} as Jepsen writes it). {@link EdnParser} reads the values; this class
 * maps each operation map to an {@link Op} field by field, without building the map, and says
 * on which line a problem is.
 *
 * <p>Fields: {@code :type} (:invoke/:ok/:fail/:info), {@code :f}, {@code :process} (an integer or
 * {@code :nemesis}) are required; {@code :value}, {@code :time} (default 0), {@code :index}
 * (default: the op's position) and {@code :error} are optional; other keys are ignored. Keywords
 * become strings. A {@code :time} smaller than an earlier op's is reported as a warning.
 *
 * <p>Keys are never guessed: Jepsen's independent histories carry them as {@code :value [key v]},
 * which is indistinguishable from a single register's {@code cas [old new]}. Pass
 * {@code independent = true} to read every client op's value as {@code [key v]}.
 */
public final class EdnHistoryReader {

    private static final String SHAPE = "a history is a vector of operation maps or one map per line, "
            + "each like {:type :invoke, :f :read, :process 0}";

    private final EdnParser in;
    private final boolean independent;
    private final TimeOrder times;
    private final OpFields fields = new OpFields();
    private long position;
    /** When reading a piece of a file: the ops whose index is their place in the piece; else null. */
    private BitSet defaultedIndex;

    private EdnHistoryReader(EdnParser in, boolean independent) {
        this.in = in;
        this.independent = independent;
        this.times = new TimeOrder(in.source());
    }

    public static LoadedHistory read(Path file, boolean independent) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), independent);
        }
    }

    public static LoadedHistory read(InputStream in, String source, boolean independent) throws IOException {
        List<Op> ops = new ArrayList<>();
        List<String> warnings = stream(in, source, independent, ops::add);
        return new LoadedHistory(source, new History(ops), warnings);
    }

    /** Reads EDN text already decoded (tests, strings); files should use the byte-level readers. */
    public static LoadedHistory read(Reader in, String source, boolean independent) throws IOException {
        StringWriter text = new StringWriter();
        in.transferTo(text);
        return read(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), source, independent);
    }

    /**
     * Hands each operation to {@code sink} as soon as it is parsed.
     *
     * @return warnings (times that go backwards), each {@code file:line: …}
     */
    public static List<String> stream(InputStream in, String source, boolean independent, Consumer<Op> sink)
            throws IOException {
        return new EdnHistoryReader(new EdnParser(in, source), independent).run(sink);
    }

    /**
     * Reads one piece of a bigger file (one map per line) as if it were the whole file, noting
     * what only the whole file can settle: ops without {@code :index}, and the times seen.
     */
    static EdnPiece readPiece(InputStream in, String source, boolean independent) throws IOException {
        EdnHistoryReader reader = new EdnHistoryReader(new EdnParser(in, source), independent);
        reader.defaultedIndex = new BitSet();
        List<Op> ops = new ArrayList<>();
        reader.run(ops::add);
        return new EdnPiece(ops, reader.defaultedIndex, reader.times);
    }

    private List<String> run(Consumer<Op> sink) throws IOException {
        int first = in.skipBlanks();
        if (first == '[' || first == '(') {
            char close = first == '[' ? ']' : ')';
            long openedOn = in.line();
            in.readByte();
            while (true) {
                int c = in.skipBlanks();
                if (c == close) {
                    in.readByte();
                    break;
                }
                in.checkNotClosed(c, close, close == ']' ? "vector" : "list", openedOn);
                readOp(sink);
            }
            if (in.skipBlanks() != EdnParser.EOF) {
                throw in.problem("expected nothing after the history's closing " + close + " but found more");
            }
        } else {
            while (in.skipBlanks() != EdnParser.EOF) {
                readOp(sink);
            }
        }
        return times.warnings();
    }

    /** One operation map (possibly tagged, e.g. {@code #jepsen.history.Op{…}}), or a discard. */
    private void readOp(Consumer<Op> sink) throws IOException {
        long line = in.line();
        if (in.peek() == '#' && in.skipTag() == EdnParser.DISCARD) {
            return;
        }
        if (in.skipBlanks() != '{') {
            in.startCapture();
            in.readValue(0);
            String found = in.endCapture();
            throw new MalformedHistoryException(in.source(), line,
                    "expected an operation map like {:type :invoke, :f :read, :process 0} but found "
                            + (found.length() > 60 ? found.substring(0, 57) + "..." : found));
        }
        long opened = in.line();
        in.readByte();
        OpFields op = fields;
        op.reset();
        while (true) {
            int c = in.skipBlanks();
            if (c == '}') {
                in.readByte();
                break;
            }
            in.checkNotClosed(c, '}', "map", opened);
            boolean keyword = c == ':';
            Object key = in.readValue(1);
            if (in.skipBlanks() == '}') {
                throw in.problem("expected a value after the map key " + EdnValues.print(key) + " but found }");
            }
            readField(op, keyword ? key : null, key);
        }
        sink.accept(op.toOp(line));
    }

    private void readField(OpFields op, Object keyword, Object key) throws IOException {
        int bit = keyword instanceof String name ? OpFields.bit(name) : 0;
        if (bit == 0) {
            if (op.otherKeys.size() < 6) {
                op.otherKeys.add(key);
            }
            in.readValue(1); // a field lockbench does not use
            return;
        }
        if ((op.seen & bit) != 0) {
            throw in.problem("expected each key once in an operation but found :" + keyword + " twice");
        }
        op.seen |= bit;
        if ((bit == OpFields.INDEX || bit == OpFields.TIME || bit == OpFields.PROCESS) && in.readLong()) {
            long v = in.longValue; // the usual case, read without boxing
            switch (bit) {
                case OpFields.INDEX -> op.index = v;
                case OpFields.TIME -> op.time = v;
                default -> op.process = v;
            }
            return;
        }
        boolean valueIsKeyword = in.skipBlanks() == ':';
        if (bit == OpFields.ERROR && in.peek() != '"') {
            in.startCapture();
            in.readValue(1);
            String raw = in.endCapture(); // kept as the file wrote it: :timed-out, {:type :timeout}
            op.error = raw.equals("nil") ? null : raw;
            return;
        }
        Object value = in.readValue(1);
        switch (bit) {
            case OpFields.TYPE -> op.type = type(value, valueIsKeyword);
            case OpFields.F -> op.f = f(value);
            case OpFields.PROCESS -> op.process = process(value, valueIsKeyword);
            case OpFields.INDEX -> op.index = integer(value, ":index");
            case OpFields.TIME -> op.time = integer(value, ":time");
            case OpFields.VALUE -> op.value = value;
            case OpFields.ERROR -> op.error = (String) value;
            default -> throw new IllegalStateException("field bit " + bit);
        }
    }

    /** The fields of one operation map as they are read. */
    private final class OpFields {
        static final int TYPE = 1;
        static final int F = 2;
        static final int PROCESS = 4;
        static final int VALUE = 8;
        static final int TIME = 16;
        static final int INDEX = 32;
        static final int ERROR = 64;

        int seen;
        OpType type;
        String f;
        long process;
        Object value;
        long time;
        long index;
        String error;
        /** The first few keys lockbench does not use, to describe a map that is not an operation. */
        final List<Object> otherKeys = new ArrayList<>(6);

        void reset() {
            seen = 0;
            type = null;
            f = null;
            process = 0;
            value = null;
            time = 0;
            index = 0;
            error = null;
            otherKeys.clear();
        }

        static int bit(String name) {
            return switch (name) {
                case "type" -> TYPE;
                case "f" -> F;
                case "process" -> PROCESS;
                case "value" -> VALUE;
                case "time" -> TIME;
                case "index" -> INDEX;
                case "error" -> ERROR;
                default -> 0;
            };
        }

        Op toOp(long line) {
            if ((seen & (TYPE | F | PROCESS)) == 0) {
                throw new MalformedHistoryException(in.source(), line, "expected an operation map with :type, :f "
                        + "and :process but found " + (otherKeys.isEmpty() ? "an empty map"
                        : "a map with keys " + keys(otherKeys)) + "; " + SHAPE);
            }
            require(TYPE, ":type to be one of :invoke, :ok, :fail, :info", line);
            if ((seen & F) == 0 && isTransaction(value)) {
                f = "txn"; // Elle reads an op without :f as a transaction: its :value is the micro-ops
                seen |= F;
            }
            require(F, ":f to be a keyword such as :read", line);
            require(PROCESS, ":process to be an integer or :nemesis", line);
            long at = (seen & INDEX) != 0 ? index : position;
            if ((seen & INDEX) == 0 && defaultedIndex != null) {
                defaultedIndex.set((int) position);
            }
            position++;
            if ((seen & TIME) != 0) {
                times.observe(time, line);
            }
            Object key = null;
            Object plain = value;
            if (independent && process != Op.NEMESIS) {
                if (!(value instanceof List<?> tuple) || tuple.size() != 2) {
                    throw new MalformedHistoryException(in.source(), line, "expected :value to be [key value] "
                            + "(an independent history) but found " + describe(value));
                }
                key = tuple.get(0);
                plain = tuple.get(1);
            }
            return new Op(at, type, process, f, key, plain, (seen & TIME) != 0 ? time : 0, error);
        }

        /** A non-empty list of [f k v] micro-ops whose f is append, r or w: Elle's transaction shape. */
        private boolean isTransaction(Object value) {
            if (!(value instanceof List<?> mops) || mops.isEmpty()) {
                return false;
            }
            for (Object m : mops) {
                if (!(m instanceof List<?> mop) || mop.size() != 3) {
                    return false;
                }
                String f = String.valueOf(mop.get(0));
                f = f.startsWith(":") ? f.substring(1) : f;
                if (!(f.equals("append") || f.equals("r") || f.equals("w"))) {
                    return false;
                }
            }
            return true;
        }

        private void require(int bit, String expectation, long line) {
            if ((seen & bit) == 0) {
                throw new MalformedHistoryException(in.source(), line, "expected " + expectation + " but found nil");
            }
        }
    }

    private OpType type(Object v, boolean keyword) {
        if (keyword && v instanceof String name) {
            switch (name) {
                case "invoke": return OpType.INVOKE;
                case "ok": return OpType.OK;
                case "fail": return OpType.FAIL;
                case "info": return OpType.INFO;
                default: break;
            }
        }
        throw in.problem("expected :type to be one of :invoke, :ok, :fail, :info but found "
                + (keyword ? ":" + v : describe(v)));
    }

    private String f(Object v) {
        if (v instanceof String name) {
            return name;
        }
        throw in.problem("expected :f to be a keyword such as :read but found " + describe(v));
    }

    private long process(Object v, boolean keyword) {
        if (v instanceof Long l) {
            return l;
        }
        if (keyword && "nemesis".equals(v)) {
            return Op.NEMESIS;
        }
        throw in.problem("expected :process to be an integer or :nemesis but found " + (keyword ? ":" + v : describe(v)));
    }

    private long integer(Object v, String field) {
        if (v instanceof Long l) {
            return l;
        }
        throw in.problem("expected " + field + " to be an integer but found " + describe(v));
    }

    private static String keys(List<Object> keys) {
        StringJoiner j = new StringJoiner(", ");
        keys.stream().limit(5).forEach(k -> j.add(k instanceof String s ? ":" + s : EdnValues.print(k)));
        return j + (keys.size() > 5 ? ", ..." : "");
    }

    private static String describe(Object value) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            return "a map with keys " + keys(new ArrayList<>(map.keySet()));
        }
        String text = EdnValues.print(value);
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
