package io.lockbench.stress.checker.linear;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.checker.Verdict;
import io.lockbench.stress.history.History;
import io.lockbench.stress.history.HistoryMutations;
import io.lockbench.stress.history.SyntheticHistories;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Histories from a simulated linearizable register — random overlapping intervals, random
 * indeterminate ops that took effect before completing, after, or never — must check valid;
 * the same histories with one read broken (stale, or a value never written) must check invalid,
 * and the report must name that read.
 */
class RandomizedLinearizabilityTest {

    static Stream<Arguments> histories() {
        return Stream.of("register", "cas-register", "versioned").flatMap(model ->
                IntStream.rangeClosed(1, 40).mapToObj(seed -> {
                    Random r = new Random(seed * 31L + model.hashCode());
                    int ops = 200 + r.nextInt(1_300);
                    int keys = 1 + r.nextInt(3);
                    int processes = 2 + r.nextInt(9);
                    double info = r.nextInt(4) * 0.05;
                    int values = new int[] {0, 2, 3, 5}[r.nextInt(4)];
                    return Arguments.of(new SyntheticHistories.Spec(model, ops, keys, processes, info, values, seed));
                }));
    }

    /** Long single-key histories with ten clients, broken late: the cases that make checkers blow up. */
    static Stream<Arguments> longHistories() {
        return Stream.of("register", "cas-register", "versioned").flatMap(model -> Stream.of(
                Arguments.of(new SyntheticHistories.Spec(model, 8_000, 1, 10, 0.05, 5, 101)),
                Arguments.of(new SyntheticHistories.Spec(model, 8_000, 1, 10, 0.05, 0, 102))));
    }

    private static LinearizabilityChecker checker(String model) {
        return new LinearizabilityChecker(switch (model) {
            case "register" -> new RegisterModel();
            case "versioned" -> new VersionedRegisterModel();
            default -> new CasRegisterModel();
        });
    }

    @ParameterizedTest
    @MethodSource("histories")
    void simulatedHistoriesAreLinearizable_andBreakingOneReadIsCaught(SyntheticHistories.Spec spec) {
        validThenBroken(spec, 0);
    }

    @ParameterizedTest
    @MethodSource("longHistories")
    void longSimulatedHistoriesAreLinearizable_andAReadBrokenNearTheEndIsCaught(SyntheticHistories.Spec spec) {
        validThenBroken(spec, 0.9);
    }

    private static void validThenBroken(SyntheticHistories.Spec spec, double from) {
        History h = SyntheticHistories.generate(spec);
        LinearizabilityChecker checker = checker(spec.model());

        CheckResult valid = checker.check(h);
        assertThat(valid.verdict()).as("%s: %s", spec, valid.summary()).isEqualTo(Verdict.VALID);

        Random random = new Random(spec.seed());
        Optional<HistoryMutations.Mutation> broken = spec.model().equals("versioned")
                ? Optional.empty() : HistoryMutations.staleRead(h, random, from);
        if (broken.isEmpty()) {
            broken = HistoryMutations.neverWrittenRead(h, random, from);
        }
        HistoryMutations.Mutation m = broken.orElseThrow();
        CheckResult invalid = checker.check(m.history());
        assertThat(invalid.verdict()).as("%s, %s: %s", spec, m.description(), invalid.summary())
                .isEqualTo(Verdict.INVALID);
        assertThat(invalid.anomalies().get(0).description()).as(m.description())
                .contains("ok at op " + m.opIndex() + ")");
    }
}
