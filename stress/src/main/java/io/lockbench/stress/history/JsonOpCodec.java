package io.lockbench.stress.history;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@link Op} as one JSON object, the unit of the JSON Lines format:
 * {@code {"index":0,"type":"invoke","process":3,"f":"cas","key":"k1","value":[1,2],"time":123,"error":null}}.
 *
 * <p>Reading is strict about the fields it knows (a wrong type is an error naming the field and
 * what was found) and ignores fields it does not know, so newer writers stay readable.
 */
public final class JsonOpCodec {

    static final String NEMESIS_NAME = "nemesis";

    private static final int FIELD_INDEX = 1;
    private static final int FIELD_TYPE = 2;
    private static final int FIELD_PROCESS = 4;
    private static final int FIELD_F = 8;
    private static final int FIELD_KEY = 16;
    private static final int FIELD_VALUE = 32;
    private static final int FIELD_TIME = 64;
    private static final int FIELD_ERROR = 128;

    /** Shares equal short strings (f, keys, small values) between ops: a million ops, a few objects. */
    private final Map<String, String> strings = new HashMap<>();

    /** Whether the op last read had a {@code time} field (an absent one defaults to 0). */
    private boolean lastHadTime;

    JsonOpCodec() {
    }

    boolean sawTime() {
        return lastHadTime;
    }

    // Field names and op types encoded once: a recorder writes two lines per operation.
    private static final SerializedString INDEX = new SerializedString("index");
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString PROCESS = new SerializedString("process");
    private static final SerializedString F = new SerializedString("f");
    private static final SerializedString KEY = new SerializedString("key");
    private static final SerializedString VALUE = new SerializedString("value");
    private static final SerializedString TIME = new SerializedString("time");
    private static final SerializedString ERROR = new SerializedString("error");
    private static final SerializedString NEMESIS = new SerializedString(NEMESIS_NAME);
    private static final SerializedString[] TYPES = Arrays.stream(OpType.values())
            .map(t -> new SerializedString(t.wireName())).toArray(SerializedString[]::new);

    /** Writes {@code op} as one JSON object, the same as a line of a JSON Lines history. */
    public static void write(JsonGenerator g, Op op) throws IOException {
        g.writeStartObject();
        g.writeFieldName(INDEX);
        g.writeNumber(op.index());
        g.writeFieldName(TYPE);
        g.writeString(TYPES[op.type().ordinal()]);
        g.writeFieldName(PROCESS);
        if (op.process() == Op.NEMESIS) {
            g.writeString(NEMESIS);
        } else {
            g.writeNumber(op.process());
        }
        g.writeFieldName(F);
        g.writeString(op.f());
        g.writeFieldName(KEY);
        writeValue(g, op.key());
        g.writeFieldName(VALUE);
        writeValue(g, op.value());
        g.writeFieldName(TIME);
        g.writeNumber(op.time());
        g.writeFieldName(ERROR);
        g.writeString(op.error());
        g.writeEndObject();
    }

    static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Double || v instanceof Float) {
            g.writeNumber(((Number) v).doubleValue());
        } else if (v instanceof BigInteger b) {
            g.writeNumber(b);
        } else if (v instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                writeValue(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else {
            g.writeString(v.toString());
        }
    }

    /**
     * Reads the object the parser is positioned before. Syntax errors surface as Jackson's
     * exceptions (the caller decides whether they mean a truncated line); everything else that is
     * wrong is a {@link MalformedHistoryException}.
     */
    Op read(JsonParser p, String source, long line, long defaultIndex) throws IOException {
        JsonToken first = p.nextToken();
        if (first != JsonToken.START_OBJECT) {
            throw new MalformedHistoryException(source, line,
                    "expected a JSON object (one operation per line) but found " + found(p));
        }
        long index = defaultIndex;
        OpType type = null;
        long process = 0;
        String f = null;
        Object key = null;
        Object value = null;
        long time = 0;
        String error = null;
        int seen = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String field = p.currentName();
            p.nextToken();
            int bit = fieldBit(field);
            if (bit != 0 && (seen & bit) != 0) {
                throw new MalformedHistoryException(source, line,
                        "expected each field once but found \"" + field + "\" twice");
            }
            seen |= bit;
            switch (bit) {
                case FIELD_INDEX -> index = integer(p, source, line, "index");
                case FIELD_TYPE -> type = type(p, source, line);
                case FIELD_PROCESS -> process = process(p, source, line);
                case FIELD_F -> f = string(p, source, line, "f", false);
                case FIELD_KEY -> key = readValue(p);
                case FIELD_VALUE -> value = readValue(p);
                case FIELD_TIME -> time = integer(p, source, line, "time");
                case FIELD_ERROR -> error = string(p, source, line, "error", true);
                default -> p.skipChildren(); // unknown field: ignored, for forward compatibility
            }
        }
        if (p.nextToken() != null) {
            throw new MalformedHistoryException(source, line,
                    "expected one JSON object per line but found another value at column "
                            + p.currentTokenLocation().getColumnNr());
        }
        lastHadTime = (seen & FIELD_TIME) != 0;
        require(seen, FIELD_TYPE, "type", source, line);
        require(seen, FIELD_PROCESS, "process", source, line);
        require(seen, FIELD_F, "f", source, line);
        return new Op(index, type, process, f, key, value, time, error);
    }

    private static void require(int seen, int bit, String field, String source, long line) {
        if ((seen & bit) == 0) {
            throw new MalformedHistoryException(source, line, "expected a \"" + field + "\" field but found none");
        }
    }

    private static int fieldBit(String field) {
        return switch (field) {
            case "index" -> FIELD_INDEX;
            case "type" -> FIELD_TYPE;
            case "process" -> FIELD_PROCESS;
            case "f" -> FIELD_F;
            case "key" -> FIELD_KEY;
            case "value" -> FIELD_VALUE;
            case "time" -> FIELD_TIME;
            case "error" -> FIELD_ERROR;
            default -> 0;
        };
    }

    private static OpType type(JsonParser p, String source, long line) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            switch (p.getText()) {
                case "invoke": return OpType.INVOKE;
                case "ok": return OpType.OK;
                case "fail": return OpType.FAIL;
                case "info": return OpType.INFO;
                default: break;
            }
        }
        throw new MalformedHistoryException(source, line,
                "expected \"type\" to be one of invoke, ok, fail, info but found " + found(p));
    }

    private static long process(JsonParser p, String source, long line) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return p.getLongValue();
        }
        if (p.currentToken() == JsonToken.VALUE_STRING && NEMESIS_NAME.equals(p.getText())) {
            return Op.NEMESIS;
        }
        throw new MalformedHistoryException(source, line,
                "expected \"process\" to be an integer or \"nemesis\" but found " + found(p));
    }

    private static long integer(JsonParser p, String source, long line, String field) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return p.getLongValue();
        }
        throw new MalformedHistoryException(source, line,
                "expected \"" + field + "\" to be an integer but found " + found(p));
    }

    private String string(JsonParser p, String source, long line, String field, boolean nullable)
            throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return shared(p.getText());
        }
        if (nullable && p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new MalformedHistoryException(source, line, "expected \"" + field + "\" to be a string"
                + (nullable ? " or null" : "") + " but found " + found(p));
    }

    /** Any JSON value as plain data: Long, Double, String, Boolean, List, Map or null. */
    Object readValue(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case VALUE_NULL:
                return null;
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_STRING:
                return shared(p.getText());
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? p.getBigIntegerValue() : Long.valueOf(p.getLongValue());
            case VALUE_NUMBER_FLOAT: {
                double d = p.getDoubleValue();
                if (Double.isInfinite(d) || d == 0) {
                    BigDecimal exact = p.getDecimalValue();
                    if (Double.isInfinite(d) || exact.signum() != 0) {
                        return EdnParser.exact(exact); // beyond double's range: kept exact, as in EDN
                    }
                }
                return d;
            }
            case START_ARRAY: {
                List<Object> items = new ArrayList<>(4);
                boolean nulls = false;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    Object item = readValue(p);
                    nulls |= item == null;
                    items.add(item);
                }
                return nulls ? Collections.unmodifiableList(Arrays.asList(items.toArray())) : List.copyOf(items);
            }
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    String name = shared(p.currentName());
                    p.nextToken();
                    map.put(name, readValue(p));
                }
                return Collections.unmodifiableMap(map);
            }
            default:
                throw new IllegalStateException("unexpected JSON token " + t);
        }
    }

    private String shared(String s) {
        if (s.length() > 32) {
            return s;
        }
        String existing = strings.putIfAbsent(s, s);
        if (existing != null) {
            return existing;
        }
        if (strings.size() > 100_000) {
            strings.clear(); // many distinct strings: sharing does not pay, keep the map small
        }
        return s;
    }

    /** What the parser is looking at, as a user would write it. */
    static String found(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case VALUE_STRING -> "\"" + p.getText() + "\"";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            default -> p.getText();
        };
    }
}
