package io.lockbench.stress.history;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads EDN values straight from UTF-8 bytes into the plain data an {@link Op} carries, counting
 * lines so that every problem is reported as {@code file:line: what was expected}.
 *
 * <p>Why not a library: edn-java needs 4–7 s for a 180 MB history even on two threads (every
 * integer goes through {@code BigInteger}, every keyword through a global intern table, every
 * character through a virtual call) and clojure's {@code EdnReader} 25 s; this reader does it in
 * about a second. It covers all of EDN: nil, booleans, integers ({@code N}), floats ({@code M},
 * {@code ##Inf}), strings, characters, keywords, symbols, lists, vectors, maps, sets, {@code #_}
 * discards, comments and tagged values.
 *
 * <p>Values: keywords and symbols become strings ({@code :cas} → {@code "cas"}), characters
 * one-character strings, vectors, lists and sets unmodifiable lists, maps unmodifiable
 * insertion-ordered maps. Values are kept exact: integers are {@link Long}, or
 * {@link BigInteger} beyond 64 bits; floats {@link Double}, or {@link BigDecimal} when written
 * with {@code M} or beyond double's range ({@code 1e400}); {@code #inst} an {@link java.time.Instant},
 * {@code #uuid} a {@link java.util.UUID}; any other tag is dropped for the value it tags.
 *
 * <p>Refused with the line: invalid UTF-8 (naming the byte), a UTF-16 file, nesting deeper than
 * {@link #MAX_DEPTH}, unclosed strings (at the line where they start) and collections, duplicate
 * map keys.
 */
final class EdnParser {

    /** Collections nested deeper than this are refused, as the JSON reader refuses them. */
    static final int MAX_DEPTH = 1000;
    static final int EOF = -1;

    private final InputStream in;
    private final String source;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private long line = 1;
    private final NameTable names = new NameTable();
    private final StringBuilder text = new StringBuilder(64);
    /** Bytes of a token that straddles two buffer fills. */
    private byte[] token = new byte[64];
    /** While capturing: the raw text read since {@link #startCapture()}, before {@link #buffer}'s current fill. */
    private java.io.ByteArrayOutputStream captured;
    private int capturedFrom;

    EdnParser(InputStream in, String source) throws IOException {
        this.in = in;
        this.source = source;
        skipByteOrderMark();
    }

    /** 1-based line of the next byte to be read. */
    long line() {
        return line;
    }

    String source() {
        return source;
    }

    // ---- bytes ----------------------------------------------------------------------------

    private boolean fill() throws IOException {
        if (captured != null) {
            captured.write(buffer, capturedFrom, limit - capturedFrom);
            capturedFrom = 0;
        }
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    /** The next byte without consuming it, or {@link #EOF}. */
    int peek() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position] & 0xff;
    }

    private int next() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        int c = buffer[position++] & 0xff;
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private void skipByteOrderMark() throws IOException {
        int first = peek();
        if (first == 0xEF) {
            // A UTF-8 byte order mark is allowed (and ignored) at the very start.
            if (limit - position >= 3 && buffer[position + 1] == (byte) 0xBB && buffer[position + 2] == (byte) 0xBF) {
                position += 3;
            }
        } else if (first == 0xFE || first == 0xFF) {
            if (limit - position >= 2 && (buffer[position + 1] & 0xff) == (first == 0xFE ? 0xFF : 0xFE)) {
                throw problem("expected UTF-8 text but the file starts with a UTF-16 byte order mark; "
                        + "convert it with iconv -f UTF-16 -t UTF-8");
            }
        }
    }

    /**
     * Skips whitespace, commas and {@code ;} comments, and returns the next byte without
     * consuming it ({@link #EOF} at the end).
     */
    int skipBlanks() throws IOException {
        while (true) {
            byte[] b = buffer;
            int i = position;
            int end = limit;
            while (i < end) {
                int c = b[i];
                if (c == ' ' || c == ',' || c == '\t' || c == '\r' || c == '\f') {
                    i++;
                } else if (c == '\n') {
                    line++;
                    i++;
                } else if (c == ';') {
                    position = i;
                    for (int d = next(); d != '\n' && d != EOF; d = next()) {
                        // a comment runs to the end of its line
                    }
                    i = position;
                    end = limit;
                    b = buffer;
                } else {
                    position = i;
                    return c & 0xff;
                }
            }
            position = i;
            if (!fill()) {
                return EOF;
            }
        }
    }

    /** Consumes the byte {@link #peek()} returned. */
    void readByte() throws IOException {
        next();
    }

    /** What {@link #skipTag()} found. */
    static final int DISCARD = 1;
    static final int TAG = 2;

    /**
     * At a {@code #} before a top-level value: skips a tag ({@code #jepsen.history.Op}) and
     * returns {@link #TAG}, or skips {@code #_} with the value it discards and returns
     * {@link #DISCARD}.
     */
    int skipTag() throws IOException {
        position++;
        int c = peek();
        if (c == '_') {
            position++;
            readValue(0);
            return DISCARD;
        }
        if (c == EOF || c >= 0x80 || !isSymbolStart(c)) {
            throw problem("expected an operation map like {:type :invoke, :f :read, :process 0} but found #"
                    + (c == EOF ? "" : describeChar(c)));
        }
        readSymbolText();
        return TAG;
    }

    /** Raw text from here to {@link #endCapture()}: how the file wrote a value. */
    void startCapture() throws IOException {
        skipBlanks();
        captured = new java.io.ByteArrayOutputStream();
        capturedFrom = position;
    }

    String endCapture() {
        captured.write(buffer, capturedFrom, position - capturedFrom);
        String raw = new String(captured.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        captured = null;
        return raw.strip();
    }

    // ---- values ---------------------------------------------------------------------------

    /** The next value as plain data; {@code depth} counts the collections around it. */
    Object readValue(int depth) throws IOException {
        Object value;
        do {
            value = readValueOrDiscard(depth);
        } while (value == DISCARDED);
        return value;
    }

    /** The next value, or {@link #DISCARDED} after a {@code #_} discard (which may be a collection's last element). */
    private Object readValueOrDiscard(int depth) throws IOException {
        {
            int c = skipBlanks();
            switch (c) {
                case EOF:
                    throw problem("expected a value but the file ended");
                case '{':
                    return readMap(depth + 1);
                case '[':
                    return readSequence(']', "vector", depth + 1);
                case '(':
                    return readSequence(')', "list", depth + 1);
                case '"':
                    return readString();
                case ':':
                    position++;
                    return readName("keyword");
                case '\\':
                    position++;
                    return readCharacter();
                case '#':
                    position++;
                    return readDispatch(depth);
                case ']', ')', '}':
                    throw problem("expected a value but found " + (char) c);
                case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
                    return readNumber(false);
                case '+', '-':
                    position++;
                    int after = peek();
                    if (after >= '0' && after <= '9') {
                        return readNumber(c == '-');
                    }
                    return after == EOF || isTerminator(after) ? String.valueOf((char) c) : (char) c + readSymbolText();
                default:
                    if (c < 0x80 && !isSymbolStart(c)) {
                        throw problem("expected a value but found " + describeByte(c));
                    }
                    return readSymbol();
            }
        }
    }

    /** Marks a {@code #_} discard: the reader goes on to the next value. */
    private static final Object DISCARDED = new Object();

    private Object readDispatch(int depth) throws IOException {
        int c = peek();
        if (c == '{') {
            return readSet(depth + 1);
        }
        if (c == '_') {
            position++;
            readValue(depth);
            return DISCARDED; // the discarded value is read (and checked), then dropped
        }
        if (c == '#') {
            position++;
            String name = readSymbolText();
            return switch (name) {
                case "Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                case "NaN" -> Double.NaN;
                default -> throw problem("expected ##Inf, ##-Inf or ##NaN but found ##" + name);
            };
        }
        if (c == EOF || c >= 0x80 || !isSymbolStart(c)) {
            throw problem("expected a tag, #{ or #_ after # but found "
                    + (c == EOF ? "the end of the file" : describeByte(c)));
        }
        String tag = readSymbolText();
        Object tagged = readValue(depth);
        return switch (tag) {
            case "inst" -> EdnTags.instant(tagged, this);
            case "uuid" -> EdnTags.uuid(tagged, this);
            default -> tagged; // e.g. #jepsen.history.Op{…}: the map it tags
        };
    }

    /** Per nesting depth, the elements of the collection being read there (reused: one array per depth). */
    private final Object[][] elements = new Object[MAX_DEPTH + 2][];

    private List<Object> readSequence(char close, String what, int depth) throws IOException {
        checkDepth(depth);
        long opened = line;
        position++;
        Object[] items = elements[depth];
        if (items == null) {
            items = elements[depth] = new Object[8];
        }
        int size = 0;
        boolean nulls = false;
        while (true) {
            int c = skipBlanks();
            if (c == close) {
                position++;
                break;
            }
            checkNotClosed(c, close, what, opened);
            Object item = readValueOrDiscard(depth);
            if (item == DISCARDED) {
                continue;
            }
            if (size == items.length) {
                items = elements[depth] = Arrays.copyOf(items, size * 2);
            }
            nulls |= item == null;
            items[size++] = item;
        }
        List<Object> list;
        if (size == 0) {
            list = List.of();
        } else if (nulls) {
            list = Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(items, size)));
        } else {
            list = size == 1 ? List.of(items[0]) : size == 2 ? List.of(items[0], items[1])
                    : List.of(Arrays.copyOf(items, size));
        }
        Arrays.fill(items, 0, size, null); // let the values go with the list
        return list;
    }

    private List<Object> readSet(int depth) throws IOException {
        return readSequence('}', "set", depth);
    }

    private Map<Object, Object> readMap(int depth) throws IOException {
        checkDepth(depth);
        long opened = line;
        position++;
        Map<Object, Object> map = new LinkedHashMap<>();
        while (true) {
            int c = skipBlanks();
            if (c == '}') {
                position++;
                break;
            }
            checkNotClosed(c, '}', "map", opened);
            Object key = readValueOrDiscard(depth);
            if (key == DISCARDED) {
                continue;
            }
            c = skipBlanks();
            if (c == '}' || c == EOF) {
                throw problem("expected a value after the map key " + EdnValues.print(key) + " but found "
                        + (c == EOF ? "the end of the file" : "}"));
            }
            if (map.containsKey(key)) {
                throw problem("expected each key once in a map but found " + EdnValues.print(key) + " twice");
            }
            map.put(key, readValue(depth));
        }
        return Collections.unmodifiableMap(map);
    }

    /** At a point where a collection continues: the end of the file or another closer is a problem. */
    void checkNotClosed(int c, char close, String what, long opened) {
        if (c == EOF) {
            throw problem("expected " + close + " to close the " + what + " opened on line " + opened
                    + " but the file ended");
        }
        if (c == ']' || c == ')' || c == '}') {
            throw problem("expected " + close + " to close the " + what + " opened on line " + opened
                    + " but found " + (char) c);
        }
    }

    void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw problem("expected at most " + MAX_DEPTH + " nested collections but found deeper nesting");
        }
    }

    // ---- strings and names ----------------------------------------------------------------

    /** A string literal; the reader is at its opening quote. */
    String readString() throws IOException {
        long startLine = line;
        position++;
        // Fast path: ASCII without escapes inside the current buffer, shared when short.
        int start = position;
        for (int i = start; i < limit; i++) {
            int b = buffer[i];
            if (b == '"') {
                position = i + 1;
                return names.intern(buffer, start, i - start);
            }
            if (b == '\\' || b < 0x20 || b >= 0x7f || b == '\n') {
                break;
            }
        }
        text.setLength(0);
        while (true) {
            int c = next();
            switch (c) {
                case EOF:
                    throw new MalformedHistoryException(source, startLine,
                            "expected a closing \" for the string that starts on this line but the file ended");
                case '"':
                    return text.toString();
                case '\\':
                    readEscape();
                    break;
                default:
                    if (c < 0x80) {
                        text.append((char) c);
                    } else {
                        appendUtf8(c);
                    }
            }
        }
    }

    private void readEscape() throws IOException {
        int c = next();
        switch (c) {
            case 't' -> text.append('\t');
            case 'n' -> text.append('\n');
            case 'r' -> text.append('\r');
            case 'b' -> text.append('\b');
            case 'f' -> text.append('\f');
            case '"' -> text.append('"');
            case '\'' -> text.append('\'');
            case '\\' -> text.append('\\');
            case 'u' -> text.append(readHex4());
            default -> throw problem("expected an escape such as \\n, \\\" or \\u00e9 in a string but found \\"
                    + (c == EOF ? "" : describeChar(c)));
        }
    }

    private char readHex4() throws IOException {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(next(), 16);
            if (d < 0) {
                throw problem("expected four hex digits after \\u");
            }
            v = v * 16 + d;
        }
        return (char) v;
    }

    /** Decodes one multi-byte UTF-8 character whose first byte is {@code first}, strictly. */
    private void appendUtf8(int first) throws IOException {
        int extra;
        int min;
        int cp;
        if (first >= 0xC2 && first <= 0xDF) {
            extra = 1;
            min = 0x80;
            cp = first & 0x1F;
        } else if (first >= 0xE0 && first <= 0xEF) {
            extra = 2;
            min = 0x800;
            cp = first & 0x0F;
        } else if (first >= 0xF0 && first <= 0xF4) {
            extra = 3;
            min = 0x10000;
            cp = first & 0x07;
        } else {
            throw invalidUtf8(first);
        }
        for (int i = 0; i < extra; i++) {
            int b = peek();
            if (b == EOF || (b & 0xC0) != 0x80) {
                throw invalidUtf8(first);
            }
            position++;
            cp = (cp << 6) | (b & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            throw invalidUtf8(first);
        }
        text.appendCodePoint(cp);
    }

    private MalformedHistoryException invalidUtf8(int b) {
        return problem(String.format("invalid UTF-8 byte 0x%02x; histories are UTF-8 text (convert a "
                + "Latin-1 file with iconv -f LATIN1 -t UTF-8)", b));
    }

    /** A keyword's or symbol's name, shared between occurrences; {@code what} names it in messages. */
    private String readName(String what) throws IOException {
        int c = peek();
        if (c == EOF || isTerminator(c)) {
            throw problem("expected a " + what + " name after : but found "
                    + (c == EOF ? "the end of the file" : describeByte(c)));
        }
        return readSymbolText();
    }

    private Object readSymbol() throws IOException {
        String name = readSymbolText();
        return switch (name) {
            case "nil" -> null;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> name;
        };
    }

    /** The characters up to the next terminator, as a shared string. */
    String readSymbolText() throws IOException {
        int start = position;
        int i = start;
        boolean ascii = true;
        while (i < limit) {
            int b = buffer[i] & 0xff;
            if (isTerminator(b)) {
                position = i;
                return ascii ? names.intern(buffer, start, i - start) : decode(buffer, start, i - start);
            }
            ascii &= b < 0x80;
            i++;
        }
        // The token runs past this fill of the buffer: collect it byte by byte.
        int n = 0;
        for (int c = peek(); c != EOF && !isTerminator(c); c = peek()) {
            if (n == token.length) {
                token = Arrays.copyOf(token, n * 2);
            }
            token[n++] = (byte) c;
            position++;
            ascii &= c < 0x80;
        }
        return ascii ? names.intern(token, 0, n) : decode(token, 0, n);
    }

    private String decode(byte[] bytes, int offset, int length) {
        text.setLength(0);
        int end = offset + length;
        for (int i = offset; i < end; ) {
            int first = bytes[i++] & 0xff;
            if (first < 0x80) {
                text.append((char) first);
                continue;
            }
            int extra = first >= 0xF0 ? 3 : first >= 0xE0 ? 2 : 1;
            int cp = first & (0x3F >> extra);
            if (first < 0xC2 || first > 0xF4 || i + extra > end) {
                throw invalidUtf8(first);
            }
            for (int k = 0; k < extra; k++) {
                int b = bytes[i++] & 0xff;
                if ((b & 0xC0) != 0x80) {
                    throw invalidUtf8(first);
                }
                cp = (cp << 6) | (b & 0x3F);
            }
            int min = extra == 1 ? 0x80 : extra == 2 ? 0x800 : 0x10000;
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                throw invalidUtf8(first);
            }
            text.appendCodePoint(cp);
        }
        return text.toString();
    }

    private String readCharacter() throws IOException {
        int first = next();
        if (first == EOF || first == ' ' || first == '\n' || first == '\t' || first == '\r') {
            throw problem("expected a character after \\ such as \\a or \\newline");
        }
        if (first >= 0x80) {
            text.setLength(0);
            appendUtf8(first);
            return text.toString();
        }
        int c = peek();
        if (c == EOF || isTerminator(c)) {
            return String.valueOf((char) first);
        }
        String name = (char) first + readSymbolText();
        return switch (name) {
            case "newline" -> "\n";
            case "space" -> " ";
            case "tab" -> "\t";
            case "return" -> "\r";
            case "formfeed" -> "\f";
            case "backspace" -> "\b";
            default -> {
                if (name.length() == 5 && name.charAt(0) == 'u') {
                    try {
                        yield String.valueOf((char) Integer.parseInt(name.substring(1), 16));
                    } catch (NumberFormatException e) {
                        // reported below
                    }
                }
                throw problem("expected a character such as \\a, \\newline or \\u00e9 but found \\" + name);
            }
        };
    }

    // ---- numbers --------------------------------------------------------------------------

    /** The value {@link #readLong()} read. */
    long longValue;

    /**
     * Reads an integer that fits a long into {@link #longValue} without boxing it, and returns
     * true; returns false, having read nothing, when the next value is anything else.
     */
    boolean readLong() throws IOException {
        boolean negative = skipBlanks() == '-';
        int end = scanLong(negative ? position + 1 : position);
        if (end < 0) {
            return false;
        }
        position = end;
        longValue = negative ? -longValue : longValue;
        return true;
    }

    /**
     * The fast path for integers: 1 to 18 digits from {@code from}, followed by a terminator, all
     * within the current fill of the buffer. Sets {@link #longValue} (without sign) and returns
     * the index after the digits, or -1 when the general path must decide.
     */
    private int scanLong(int from) {
        long value = 0;
        int i = from;
        while (i < limit && buffer[i] >= '0' && buffer[i] <= '9') {
            value = value * 10 + (buffer[i] - '0');
            i++;
        }
        int digits = i - from;
        if (digits == 0 || digits > 18 || i == limit || !isTerminator(buffer[i])) {
            return -1;
        }
        longValue = value;
        return i;
    }

    /** An integer or float; the reader is past its sign, at its first digit. */
    private Object readNumber(boolean negative) throws IOException {
        int end = scanLong(position);
        if (end >= 0) {
            position = end;
            return negative ? -longValue : longValue;
        }
        text.setLength(0);
        if (negative) {
            text.append('-');
        }
        int c = peek();
        while (c >= '0' && c <= '9') {
            text.append((char) c);
            position++;
            c = peek();
        }
        if (c == '.' || c == 'e' || c == 'E' || c == 'M') {
            return readFloatRest(c);
        }
        if (c == 'N') {
            position++;
            c = peek();
        }
        requireTerminator(c);
        BigInteger b = new BigInteger(text.toString());
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    private Object readFloatRest(int c) throws IOException {
        if (c == '.') {
            do {
                text.append((char) c);
                position++;
                c = peek();
            } while (c >= '0' && c <= '9');
        }
        if (c == 'e' || c == 'E') {
            text.append('e');
            position++;
            c = peek();
            if (c == '+' || c == '-') {
                text.append((char) c);
                position++;
                c = peek();
            }
            if (c < '0' || c > '9') {
                throw problem("expected digits after the exponent of " + text + " but found "
                        + (c == EOF ? "the end of the file" : describeByte(c)));
            }
            while (c >= '0' && c <= '9') {
                text.append((char) c);
                position++;
                c = peek();
            }
        }
        boolean decimal = c == 'M';
        if (decimal) {
            position++;
            c = peek();
        }
        requireTerminator(c);
        String literal = text.toString();
        if (decimal) {
            return exact(new BigDecimal(literal));
        }
        double d = Double.parseDouble(literal);
        if (Double.isInfinite(d) || (d == 0 && new BigDecimal(literal).signum() != 0)) {
            return exact(new BigDecimal(literal)); // beyond double's range: keep it exact
        }
        return d;
    }

    /** One representation per number: 1.50M and 1.5M are the same value. */
    static BigDecimal exact(BigDecimal d) {
        return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    }

    private void requireTerminator(int c) throws IOException {
        if (c != EOF && !isTerminator(c)) {
            throw problem("expected a number but found " + text + readSymbolText());
        }
    }

    // ---- classification and messages ------------------------------------------------------

    private static final boolean[] TERMINATORS = new boolean[256];

    static {
        for (char c : " \t\n\r\f,()[]{}\";".toCharArray()) {
            TERMINATORS[c] = true;
        }
    }

    /** Ends a number, symbol or keyword. */
    static boolean isTerminator(int c) {
        return TERMINATORS[c & 0xff];
    }

    private static boolean isSymbolStart(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || switch (c) {
                    case '*', '!', '_', '?', '/', '.', '<', '>', '=', '$', '%', '&', '\'' -> true;
                    default -> false;
                };
    }

    private static String describeByte(int c) {
        if (c >= 0x21 && c < 0x7f) {
            return "'" + (char) c + "'";
        }
        return String.format("byte 0x%02x%s", c, c == 0 ? " (is this a binary or UTF-16 file? histories are UTF-8 text)" : "");
    }

    private static String describeChar(int c) {
        return c >= 0x21 && c < 0x7f ? String.valueOf((char) c) : String.format("byte 0x%02x", c);
    }

    MalformedHistoryException problem(String expectation) {
        return new MalformedHistoryException(source, line, expectation);
    }
}
