package io.lockbench.stress.checker.elle;

import io.lockbench.stress.history.History;
import io.lockbench.stress.history.History.Operation;
import io.lockbench.stress.history.Op;
import io.lockbench.stress.history.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code txn} operations of an rw-register history (Elle's format) into {@link Txn}s:
 * micro-ops {@code [:w k v]} and {@code [:r k v]} ({@code "w"}, {@code "write"}, {@code "r"},
 * {@code "read"} also accepted; an op without {@code :f} is a {@code txn}, as Elle reads it).
 * Writes come from the invocation (a transaction that did not complete ok still tried them),
 * reads from an {@code ok} completion, where {@code nil} is the initial state.
 */
final class RegisterTxnParser {

    private RegisterTxnParser() {
    }

    /** @throws IllegalArgumentException naming the op whose value is not a list of micro-ops */
    static List<Txn> parse(History history) {
        List<Txn> txns = new ArrayList<>();
        for (Operation op : history.operations()) {
            if (op.invoke().f().equals(TxnParser.TXN)) {
                txns.add(new Txn(txns.size(), op, mops(op)));
            }
        }
        return txns;
    }

    private static List<MicroOp> mops(Operation op) {
        Op source = op.ok() && op.completion().value() != null ? op.completion() : op.invoke();
        if (!(source.value() instanceof List<?> steps)) {
            throw malformed(source, "a txn's value must be a list of micro-ops, got " + source.value());
        }
        List<MicroOp> out = new ArrayList<>(steps.size());
        for (Object step : steps) {
            if (!(step instanceof List<?> mop) || mop.size() != 3) {
                throw malformed(source, "a micro-op must be [f key value], got " + step);
            }
            String f = String.valueOf(mop.get(0));
            f = f.startsWith(":") ? f.substring(1) : f;
            Object key = normalize(mop.get(1));
            Object value = normalize(mop.get(2));
            switch (f) {
                case "w", "write" -> {
                    if (value == null) {
                        throw malformed(source, "a write must have a value (nil is the initial state), got " + step);
                    }
                    out.add(MicroOp.append(key, value));
                }
                case "r", "read" -> out.add(op.ok() ? MicroOp.registerRead(key, value) : MicroOp.read(key, null));
                default -> throw malformed(source, "a micro-op's f must be w or r, got " + mop.get(0));
            }
        }
        return List.copyOf(out);
    }

    private static Object normalize(Object v) {
        Long integer = Values.asLong(v);
        return integer != null ? integer : v;
    }

    private static IllegalArgumentException malformed(Op record, String what) {
        return new IllegalArgumentException("op " + record.index() + ": " + what);
    }
}
