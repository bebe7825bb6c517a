package io.lockbench.stress.checker.elle;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.stress.checker.Anomaly;
import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.checker.Verdict;
import io.lockbench.stress.history.History;
import io.lockbench.stress.history.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Histories from {@link SimulatedListAppendDatabase} are strictly serializable, so both checkers
 * must accept them; after one read is corrupted in a way that is wrong by construction, they
 * must reject them with the anomaly the corruption makes.
 */
class ListAppendRandomizedTest {

    private static final int HISTORIES = 300;

    private final ListAppendChecker serializable = new ListAppendChecker();
    private final ListAppendChecker strict = new ListAppendChecker(ConsistencyModel.STRICT_SERIALIZABLE);

    /** A read inside an ok transaction's completion, with a way to replace it. */
    private record ReadSite(int position, int step, long key, List<Object> values) {
    }

    private static List<Op> generate(long seed) {
        Random r = new Random(seed);
        return new SimulatedListAppendDatabase(seed, 2 + r.nextInt(5), 1 + r.nextInt(6)).history(50 + r.nextInt(150));
    }

    @Test
    void serialHistoriesWithOverlappingIntervals_areValid() {
        for (long seed = 0; seed < HISTORIES; seed++) {
            History h = new History(generate(seed));
            CheckResult s = serializable.check(h);
            CheckResult ss = strict.check(h);
            assertThat(s.verdict()).as("seed %d: %s", seed, s).isEqualTo(Verdict.VALID);
            assertThat(ss.verdict()).as("seed %d: %s", seed, ss).isEqualTo(Verdict.VALID);
        }
    }

    @Test
    void elementRepeatedInARead_isDuplicateElements() {
        corruptEach("duplicate-elements", serializable, (ops, random) -> {
            ReadSite site = pick(reads(ops, s -> !s.values().isEmpty()), random);
            if (site == null) {
                return null;
            }
            List<Object> values = new ArrayList<>(site.values());
            values.add(values.get(values.size() - 1));
            return replace(ops, site, values);
        });
    }

    @Test
    void elementOfAnotherKeyInARead_isWrongKey() {
        corruptEach("wrong-key", serializable, (ops, random) -> {
            ReadSite site = pick(reads(ops, s -> true), random);
            Object foreign = site == null ? null : appendedElsewhere(ops, site.key());
            if (foreign == null) {
                return null;
            }
            List<Object> values = new ArrayList<>(site.values());
            values.add(foreign);
            return replace(ops, site, values);
        });
    }

    @Test
    void elementOfAFailedTransactionInARead_isG1a() {
        corruptEach("G1a", serializable, (ops, random) -> {
            Map<Long, Object> failedAppend = failedAppends(ops);
            ReadSite site = pick(reads(ops, s -> failedAppend.containsKey(s.key())), random);
            if (site == null) {
                return null;
            }
            List<Object> values = new ArrayList<>(site.values());
            values.add(failedAppend.get(site.key()));
            return replace(ops, site, values);
        });
    }

    @Test
    void firstTwoElementsSwappedInOneOfTwoReads_isIncompatibleOrder() {
        corruptEach("incompatible-order", serializable, (ops, random) -> {
            Map<Long, Integer> longReads = new HashMap<>();
            for (ReadSite s : reads(ops, s -> s.values().size() >= 2)) {
                longReads.merge(s.key(), 1, Integer::sum);
            }
            ReadSite site = pick(reads(ops, s -> s.values().size() >= 2 && longReads.get(s.key()) >= 2), random);
            if (site == null) {
                return null;
            }
            List<Object> values = new ArrayList<>(site.values());
            values.set(0, site.values().get(1));
            values.set(1, site.values().get(0));
            return replace(ops, site, values);
        });
    }

    @Test
    void readMissingAnAppendCompletedBeforeItBegan_isNotStrictlySerializable() {
        corruptEach(null, strict, (ops, random) -> {
            Map<Object, Op> appendedBy = okAppenders(ops);
            History h = new History(ops);
            List<ReadSite> stale = reads(ops, s -> {
                if (s.values().isEmpty() || ownAppendBefore(ops.get(s.position()), s.step(), s.key())) {
                    return false;
                }
                Op writer = appendedBy.get(List.of(s.key(), s.values().get(s.values().size() - 1)));
                Op readerInvoke = h.invocationOf(s.position());
                return writer != null && writer.process() != ops.get(s.position()).process()
                        && writer.time() < readerInvoke.time();
            });
            ReadSite site = pick(stale, random);
            return site == null ? null : replace(ops, site, site.values().subList(0, site.values().size() - 1));
        });
    }

    /** Corrupts every generated history it can and expects the checker to reject it. */
    private void corruptEach(String expectedType, ListAppendChecker checker,
                             BiFunction<List<Op>, Random, List<Op>> corruption) {
        int corrupted = 0;
        for (long seed = 0; seed < HISTORIES; seed++) {
            List<Op> broken = corruption.apply(generate(seed), new Random(seed));
            if (broken == null) {
                continue;
            }
            corrupted++;
            CheckResult r = checker.check(new History(broken));
            assertThat(r.verdict()).as("seed %d: %s", seed, r).isEqualTo(Verdict.INVALID);
            if (expectedType != null) {
                assertThat(r.anomalies()).extracting(Anomaly::type).as("seed %d", seed).contains(expectedType);
            }
        }
        assertThat(corrupted).as("histories that could be corrupted").isGreaterThan(HISTORIES / 3);
    }

    private static List<ReadSite> reads(List<Op> ops, java.util.function.Predicate<ReadSite> keep) {
        List<ReadSite> out = new ArrayList<>();
        for (int p = 0; p < ops.size(); p++) {
            Op op = ops.get(p);
            if (!op.isOk()) {
                continue;
            }
            List<?> steps = (List<?>) op.value();
            for (int i = 0; i < steps.size(); i++) {
                List<?> mop = (List<?>) steps.get(i);
                if (mop.get(0).equals("r")) {
                    @SuppressWarnings("unchecked")
                    ReadSite s = new ReadSite(p, i, (Long) mop.get(1), (List<Object>) mop.get(2));
                    if (keep.test(s)) {
                        out.add(s);
                    }
                }
            }
        }
        return out;
    }

    private static ReadSite pick(List<ReadSite> sites, Random random) {
        return sites.isEmpty() ? null : sites.get(random.nextInt(sites.size()));
    }

    private static List<Op> replace(List<Op> ops, ReadSite site, List<Object> values) {
        Op op = ops.get(site.position());
        List<Object> steps = new ArrayList<>((List<?>) op.value());
        steps.set(site.step(), List.of("r", site.key(), List.copyOf(values)));
        List<Op> out = new ArrayList<>(ops);
        out.set(site.position(), op.withValue(steps));
        return out;
    }

    private static Object appendedElsewhere(List<Op> ops, long key) {
        for (Op op : ops) {
            if (op.isOk()) {
                for (Object step : (List<?>) op.value()) {
                    List<?> mop = (List<?>) step;
                    if (mop.get(0).equals("append") && !mop.get(1).equals(key)) {
                        return mop.get(2);
                    }
                }
            }
        }
        return null;
    }

    private static Map<Long, Object> failedAppends(List<Op> ops) {
        Map<Long, Object> out = new HashMap<>();
        for (Op op : ops) {
            if (op.isFail()) {
                for (Object step : (List<?>) op.value()) {
                    List<?> mop = (List<?>) step;
                    if (mop.get(0).equals("append")) {
                        out.putIfAbsent((Long) mop.get(1), mop.get(2));
                    }
                }
            }
        }
        return out;
    }

    /** The ok completion that appended each [key value]. */
    private static Map<Object, Op> okAppenders(List<Op> ops) {
        Map<Object, Op> out = new HashMap<>();
        for (Op op : ops) {
            if (op.isOk()) {
                for (Object step : (List<?>) op.value()) {
                    List<?> mop = (List<?>) step;
                    if (mop.get(0).equals("append")) {
                        out.put(List.of(mop.get(1), mop.get(2)), op);
                    }
                }
            }
        }
        return out;
    }

    private static boolean ownAppendBefore(Op op, int step, long key) {
        List<?> steps = (List<?>) op.value();
        for (int i = 0; i < step; i++) {
            List<?> mop = (List<?>) steps.get(i);
            if (mop.get(0).equals("append") && mop.get(1).equals(key)) {
                return true;
            }
        }
        return false;
    }
}
