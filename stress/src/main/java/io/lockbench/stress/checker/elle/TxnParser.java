package io.lockbench.stress.checker.elle;

import io.lockbench.stress.history.History;
import io.lockbench.stress.history.History.Operation;
import io.lockbench.stress.history.Op;
import io.lockbench.stress.history.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code txn} operations of a history (Jepsen's list-append format) into {@link Txn}s;
 * other operations are ignored.
 *
 * <p>A transaction's value is a list of micro-ops {@code ["append", k, v]} and
 * {@code ["r", k, [v…]]}; names may also be keywords ({@code :append}, {@code :r}) or
 * {@code "read"}. Appends are taken from the invocation (a transaction that did not complete ok
 * still tried them); reads from an {@code ok} completion. Integers of any width are read as
 * {@link Long}, so values written by different formats compare equal.
 */
final class TxnParser {

    static final String TXN = "txn";

    private TxnParser() {
    }

    /** @throws IllegalArgumentException naming the op whose value is not a list of micro-ops */
    static List<Txn> parse(History history) {
        return parse(history, TxnParser::listAppendMop);
    }

    /**
     * One micro-op {@code [f key value]} of {@code op}, read from {@code source} (its ok completion,
     * else its invocation): the part in which list-append and rw-register differ.
     */
    interface MicroOpReader {
        /** @param f the name without a leading colon; {@code key} normalized, {@code value} as written */
        MicroOp read(Operation op, Op source, List<?> step, String f, Object key, Object value);
    }

    /** The {@code txn} operations of {@code history}, each micro-op read by {@code reader}. */
    static List<Txn> parse(History history, MicroOpReader reader) {
        List<Txn> txns = new ArrayList<>();
        for (Operation op : history.operations()) {
            if (op.invoke().f().equals(TXN)) {
                txns.add(new Txn(txns.size(), op, mops(op, reader)));
            }
        }
        return txns;
    }

    private static List<MicroOp> mops(Operation op, MicroOpReader reader) {
        Op source = op.ok() && op.completion().value() != null ? op.completion() : op.invoke();
        if (!(source.value() instanceof List<?> steps)) {
            throw malformed(source, "a txn's value must be a list of micro-ops, got " + source.value());
        }
        List<MicroOp> out = new ArrayList<>(steps.size());
        for (Object step : steps) {
            if (!(step instanceof List<?> mop) || mop.size() != 3) {
                throw malformed(source, "a micro-op must be [f key value], got " + step);
            }
            out.add(reader.read(op, source, mop, name(mop.get(0)), normalize(mop.get(1)), mop.get(2)));
        }
        return List.copyOf(out);
    }

    private static MicroOp listAppendMop(Operation op, Op source, List<?> step, String f, Object key, Object value) {
        if (f.equals("append")) {
            return MicroOp.append(key, normalize(value));
        } else if (f.equals("r") || f.equals("read")) {
            return MicroOp.read(key, op.ok() ? readList(source, value) : null);
        }
        throw malformed(source, "a micro-op's f must be append or r, got " + step.get(0));
    }

    private static List<Object> readList(Op source, Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw malformed(source, "a read's value must be a list, got " + value);
        }
        List<Object> out = new ArrayList<>(list.size());
        for (Object v : list) {
            out.add(normalize(v));
        }
        return out;
    }

    private static String name(Object f) {
        String s = String.valueOf(f);
        return s.startsWith(":") ? s.substring(1) : s;
    }

    static Object normalize(Object v) {
        Long integer = Values.asLong(v);
        return integer != null ? integer : v;
    }

    static IllegalArgumentException malformed(Op record, String what) {
        return new IllegalArgumentException("op " + record.index() + ": " + what);
    }
}
