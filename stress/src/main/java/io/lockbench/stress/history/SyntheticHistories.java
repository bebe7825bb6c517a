package io.lockbench.stress.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Linearizable histories from a simulated register, for measuring and testing the checkers.
 *
 * <p>Clients invoke ops on random keys; each op takes effect at one random moment between its
 * invocation and its completion (its linearization point), so intervals overlap as in a real
 * run. An op chosen to be indeterminate completes {@code info} and took effect before its
 * completion, takes effect later, or never — the three cases a checker must accept. A client
 * whose op ended {@code info} continues as a new process, as in Jepsen.
 */
public final class SyntheticHistories {

    /** The models a synthetic history can be written for. */
    public static final List<String> MODELS = List.of("register", "cas-register", "versioned");

    /**
     * What to generate.
     *
     * @param model      {@code register}, {@code cas-register} or {@code versioned}
     * @param operations ops to invoke (each gets an invocation and at most one completion record)
     * @param keys       registers; 1 means a single register (ops carry no key)
     * @param processes  concurrent clients
     * @param infoRate   fraction of ops that end {@code info}
     * @param values     distinct values written per key; 0 for a fresh value on every write
     * @param seed       for the random choices: the same spec gives the same history
     */
    public record Spec(String model, int operations, int keys, int processes, double infoRate, int values,
                       long seed) {
        public Spec {
            Objects.requireNonNull(model, "model");
            if (!MODELS.contains(model)) {
                throw new IllegalArgumentException("model must be register, cas-register or versioned, was " + model);
            }
            if (operations < 0 || keys < 1 || processes < 1 || values < 0) {
                throw new IllegalArgumentException("operations >= 0, keys >= 1, processes >= 1 and values >= 0 "
                        + "are required, was " + operations + ", " + keys + ", " + processes + ", " + values);
            }
            if (!(infoRate >= 0 && infoRate <= 1)) {
                throw new IllegalArgumentException("infoRate must be within [0, 1], was " + infoRate);
            }
        }

        public static Spec of(String model, int operations, int keys, int processes, double infoRate, long seed) {
            return new Spec(model, operations, keys, processes, infoRate, 5, seed);
        }
    }

    private enum Fate { OK, INFO_APPLIED, INFO_LATER, INFO_NEVER }

    private static final class Call {
        long process;
        Object key;
        int register;
        String f;
        Object value;
        Fate fate;
        boolean applied;
        boolean succeeded;
        Object result;
    }

    private final Spec spec;
    private final Random random;
    private final Consumer<Op> sink;
    private final Object[] values;
    private final long[] versions;
    private long index;
    private long time;
    private long freshValue;

    private SyntheticHistories(Spec spec, Consumer<Op> sink) {
        this.spec = spec;
        this.random = new Random(spec.seed());
        this.sink = sink;
        this.values = new Object[spec.keys()];
        this.versions = new long[spec.keys()];
    }

    public static History generate(Spec spec) {
        List<Op> ops = new ArrayList<>(spec.operations() * 2);
        generate(spec, ops::add);
        return new History(ops);
    }

    /** Streams the records to {@code sink} in history order. */
    public static void generate(Spec spec, Consumer<Op> sink) {
        new SyntheticHistories(spec, sink).run();
    }

    private void run() {
        int clients = spec.processes();
        Call[] inFlight = new Call[clients];
        long[] process = new long[clients];
        for (int c = 0; c < clients; c++) {
            process[c] = c;
        }
        List<Call> floating = new ArrayList<>();
        int invoked = 0;
        int busy = 0;
        while (invoked < spec.operations() || busy > 0) {
            time += 1 + random.nextInt(1000);
            if (!floating.isEmpty() && random.nextInt(8) == 0) {
                Call late = floating.remove(random.nextInt(floating.size()));
                if (random.nextBoolean()) {
                    apply(late);
                }
            }
            int c = random.nextInt(clients);
            Call call = inFlight[c];
            if (call == null) {
                if (invoked < spec.operations()) {
                    inFlight[c] = invoke(process[c]);
                    invoked++;
                    busy++;
                }
            } else if (!call.applied && (call.fate == Fate.OK || call.fate == Fate.INFO_APPLIED)) {
                apply(call);
            } else {
                complete(call);
                if (call.fate == Fate.INFO_LATER) {
                    floating.add(call);
                }
                if (call.fate != Fate.OK) {
                    process[c] += clients;
                }
                inFlight[c] = null;
                busy--;
            }
        }
    }

    private Call invoke(long process) {
        Call call = new Call();
        call.process = process;
        call.register = random.nextInt(spec.keys());
        call.key = spec.keys() == 1 ? null : "k" + call.register;
        call.fate = random.nextDouble() >= spec.infoRate() ? Fate.OK
                : Fate.values()[1 + random.nextInt(3)];
        int roll = random.nextInt(10);
        switch (spec.model()) {
            case "register" -> {
                call.f = roll < 5 ? "read" : "write";
                call.value = call.f.equals("write") ? value() : null;
            }
            case "cas-register" -> {
                call.f = roll < 4 ? "read" : roll < 7 ? "write" : "cas";
                if (call.f.equals("write")) {
                    call.value = value();
                } else if (call.f.equals("cas")) {
                    Object expected = random.nextBoolean() ? values[call.register] : value();
                    call.value = java.util.Arrays.asList(expected, value());
                }
            }
            default -> {
                call.f = roll < 5 ? "read" : "write";
                if (call.f.equals("write")) {
                    long current = versions[call.register];
                    long expected = random.nextInt(10) < 7 ? current : Math.max(0, current - random.nextInt(2) - 1);
                    call.value = List.of(expected, value());
                }
            }
        }
        emit(OpType.INVOKE, call, call.value, null);
        return call;
    }

    private Object value() {
        if (spec.values() == 0) {
            return ++freshValue;
        }
        return (long) random.nextInt(spec.values());
    }

    /** The op's linearization point. */
    private void apply(Call call) {
        call.applied = true;
        int r = call.register;
        switch (call.f) {
            case "read" -> {
                call.succeeded = true;
                call.result = spec.model().equals("versioned")
                        ? java.util.Arrays.asList(versions[r], values[r]) : values[r];
            }
            case "write" -> {
                if (spec.model().equals("versioned")) {
                    List<?> v = (List<?>) call.value;
                    call.succeeded = versions[r] == (Long) v.get(0);
                    if (call.succeeded) {
                        versions[r]++;
                        values[r] = v.get(1);
                    }
                } else {
                    call.succeeded = true;
                    values[r] = call.value;
                }
                call.result = call.value;
            }
            default -> {
                List<?> v = (List<?>) call.value;
                call.succeeded = Objects.equals(values[r], v.get(0));
                if (call.succeeded) {
                    values[r] = v.get(1);
                }
                call.result = call.value;
            }
        }
    }

    private void complete(Call call) {
        if (call.fate != Fate.OK) {
            emit(OpType.INFO, call, call.value, "timeout");
        } else if (call.succeeded) {
            emit(OpType.OK, call, call.result, null);
        } else {
            emit(OpType.FAIL, call, call.value, call.f.equals("cas") ? "value did not match" : "version conflict");
        }
    }

    private void emit(OpType type, Call call, Object value, String error) {
        sink.accept(new Op(index++, type, call.process, call.f, call.key, value, time, error));
    }
}
