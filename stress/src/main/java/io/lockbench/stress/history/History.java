package io.lockbench.stress.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * An ordered list of operation records, with each invocation paired to its completion.
 *
 * <p>Pairing follows Jepsen: a process has at most one operation in flight, so an invocation's
 * completion is the next completion of the same process. An invocation with no completion (the
 * run stopped first) is treated like {@code info}: it may or may not have happened. The history
 * must be well formed ({@link HistoryValidator}) for the pairing to be meaningful.
 */
public final class History implements Iterable<Op> {

    private final List<Op> ops;
    /** For position i: the position of its partner (invocation ⇄ completion), or -1. */
    private final int[] partner;

    public History(List<Op> ops) {
        this.ops = List.copyOf(ops);
        this.partner = pair(this.ops);
    }

    public static History of(Op... ops) {
        return new History(List.of(ops));
    }

    private static int[] pair(List<Op> ops) {
        int[] partner = new int[ops.size()];
        java.util.Arrays.fill(partner, -1);
        ProcessSlots inFlight = new ProcessSlots();
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            if (op.isInvoke()) {
                inFlight.put(op.process(), i);
            } else {
                int inv = inFlight.remove(op.process());
                if (inv != ProcessSlots.NONE) {
                    partner[inv] = i;
                    partner[i] = inv;
                }
            }
        }
        return partner;
    }

    public List<Op> ops() {
        return ops;
    }

    public int size() {
        return ops.size();
    }

    public Op get(int position) {
        return ops.get(position);
    }

    /** The completion of the invocation at {@code position}, or {@code null} if it never completed. */
    public Op completionOf(int position) {
        if (!ops.get(position).isInvoke()) {
            throw new IllegalArgumentException("op at position " + position + " is a completion, not an invocation");
        }
        return partnerOf(position);
    }

    /** The invocation that the completion at {@code position} closes, or {@code null}. */
    public Op invocationOf(int position) {
        if (ops.get(position).isInvoke()) {
            throw new IllegalArgumentException("op at position " + position + " is an invocation, not a completion");
        }
        return partnerOf(position);
    }

    private Op partnerOf(int position) {
        int p = partner[position];
        return p < 0 ? null : ops.get(p);
    }

    /** Position of the partner record (invocation ⇄ completion), or -1. */
    public int partnerPosition(int position) {
        return partner[position];
    }

    /**
     * Each invocation with its completion, in invocation order. Operations that never completed
     * get a synthetic {@code info} completion at the end of time, as Jepsen's checkers do.
     */
    public List<Operation> operations() {
        List<Operation> out = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            if (op.isInvoke() && op.process() != Op.NEMESIS) {
                int p = partner[i];
                Op done = p < 0
                        ? new Op(-1, OpType.INFO, op.process(), op.f(), op.key(), op.value(), Long.MAX_VALUE,
                                "never completed")
                        : ops.get(p);
                out.add(new Operation(i, p < 0 ? Integer.MAX_VALUE : p, op, done));
            }
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public Iterator<Op> iterator() {
        return ops.iterator();
    }

    /**
     * An invocation and its completion: the unit most checkers reason about.
     *
     * @param invokePosition   position of the invocation in the history
     * @param completePosition position of the completion ({@link Integer#MAX_VALUE} if none)
     */
    public record Operation(int invokePosition, int completePosition, Op invoke, Op completion) {
        public boolean ok() {
            return completion.isOk();
        }

        public boolean failed() {
            return completion.isFail();
        }

        public boolean indeterminate() {
            return completion.isInfo();
        }

        /** The value the operation reported: the completion's if it has one, else the invocation's. */
        public Object value() {
            return completion.value() != null ? completion.value() : invoke.value();
        }
    }
}
