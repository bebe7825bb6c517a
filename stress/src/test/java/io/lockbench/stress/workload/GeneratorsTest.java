package io.lockbench.stress.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.lockbench.api.Completion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeneratorsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"register", "sequence", "claims", "agent"})
    void theSameSeedAndOutcomes_giveTheSameOperations(String type) {
        Workload w = Workloads.of(new WorkloadSpec(type, 4, "zipfian", null, null, null));

        List<OpSpec> first = drive(w, 42, 500, GeneratorsTest::answer);
        List<OpSpec> second = drive(w, 42, 500, GeneratorsTest::answer);
        List<OpSpec> otherSeed = drive(w, 43, 500, GeneratorsTest::answer);

        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"register", "sequence", "claims", "agent"})
    void everyOperation_isOneTheWorkloadDeclares(String type) {
        Workload w = Workloads.of(new WorkloadSpec(type, 3, "uniform", null, null, null));
        List<String> declared = new ArrayList<>();
        w.checkers().forEach(c -> declared.addAll(c.operations()));
        declared.add("heartbeat");

        assertThat(drive(w, 1, 300, GeneratorsTest::answer)).extracting(OpSpec::f)
                .allMatch(declared::contains);
    }

    @org.junit.jupiter.api.Test
    void aRegisterWorker_writesOnlyFromTheVersionItLastSaw_andRereadsAfterAFailure() {
        Workload w = Workloads.of(new WorkloadSpec("register", 1, null, null, Map.of("read", 0.0, "write", 1.0), null));
        Generator g = w.generator(0, new Random(1));

        OpSpec first = g.next();
        assertThat(first.f()).isEqualTo("read");
        g.completed(first, Completion.ok(Arrays.asList(5L, "x")));
        OpSpec write = g.next();
        assertThat(write.f()).isEqualTo("write");
        assertThat((List<?>) write.value()).first().isEqualTo(5L);
        g.completed(write, Completion.ok(write.value()));
        OpSpec next = g.next();
        assertThat((List<?>) next.value()).first().isEqualTo(6L);
        g.completed(next, Completion.fail("VERSION_CONFLICT", "moved on"));
        assertThat(g.next().f()).isEqualTo("read");
    }

    @org.junit.jupiter.api.Test
    void aClaimsWorker_writesWithTheTokenItWasGranted_andClaimsAgainAfterARejectedWrite() {
        Workload w = Workloads.of(new WorkloadSpec("claims", 1, null, null,
                Map.of("inspect", 0.0, "heartbeat", 0.0, "release", 0.0), null));
        Generator g = w.generator(0, new Random(1));

        OpSpec acquire = g.next();
        assertThat(acquire.f()).isEqualTo("acquire");
        g.completed(acquire, Completion.ok(Map.of("token", 7L, "takeover", false)));
        assertThat(g.holding()).isTrue();
        OpSpec write = g.next();
        assertThat(write.f()).isEqualTo("fenced-write");
        assertThat(((Map<?, ?>) write.value()).get("token")).isEqualTo(7L);
        g.completed(write, Completion.fail("FENCED", "token 7 is not the newest"));
        assertThat(g.holding()).isFalse();
        assertThat(g.next().f()).isEqualTo("acquire");
    }

    /** A deterministic stand-in for a database: reads see version 1, everything else succeeds. */
    static Completion answer(OpSpec op) {
        return switch (op.f()) {
            case "read" -> Completion.ok(Arrays.asList(1L, "v"));
            case "acquire" -> Completion.ok(Map.of("token", 3L, "takeover", false));
            default -> Completion.ok(op.value());
        };
    }

    static List<OpSpec> drive(Workload w, long seed, int n, Function<OpSpec, Completion> db) {
        Generator g = w.generator(0, new Random(seed));
        List<OpSpec> ops = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            OpSpec op = g.next();
            ops.add(op);
            g.completed(op, db.apply(op));
        }
        return ops;
    }
}
