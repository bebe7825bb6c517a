package io.lockbench.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lockbench.bench.results.SummaryRow;
import io.lockbench.impl.catalog.Variant;
import io.lockbench.stress.runner.RunResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommendationTest {

    private static Advice at(List<Advice> advice, String keys) {
        return advice.stream().filter(a -> a.keys().equals(keys)).findFirst().orElseThrow();
    }

    @Test
    void errorBarsApart_nameTheWinnerAndSayWhy() {
        Advice hotRow = at(Recommendation.of(Fixtures.summary(Fixtures.CLEAR_AND_NOISY), List.of()), "1");

        assertThat(hotRow.decision()).isEqualTo(Decision.CLEAR);
        assertThat(hotRow.best().orElseThrow().variant()).isEqualTo(Variant.OPTIMISTIC);
        assertThat(hotRow.threads()).isEqualTo(4);
        assertThat(hotRow.text()).contains("SQLite, one hot row (1 key, 4 threads)")
                .contains("**optimistic** (optimistic retry) fits best: it keeps 0.90× ± 0.02 of a raw UPDATE")
                .contains("**pessimistic-claims** (pessimistic claims)'s 0.30× ± 0.02")
                .contains("0.40 conflicts, 0.38 retries per call")
                .contains("0.12 claims rejected per call");
    }

    @Test
    void overlappingErrorBars_sayTheDataIsTooNoisyToDecide() {
        Advice spread = at(Recommendation.of(Fixtures.summary(Fixtures.CLEAR_AND_NOISY), List.of()), "1024");

        assertThat(spread.decision()).isEqualTo(Decision.TOO_NOISY);
        assertThat(spread.text()).contains("too noisy to decide between **optimistic**")
                .contains("0.95× ± 0.15").contains("0.90× ± 0.10").contains("the error bars overlap")
                .doesNotContain("fits best");
    }

    @Test
    void oneMeasuredIteration_hasNoErrorBars_andTheAdviceOnlyLeans() {
        Advice advice = at(Recommendation.of(Fixtures.summary(Fixtures.ONE_ITERATION), List.of()), "16");

        assertThat(advice.decision()).isEqualTo(Decision.NO_ERROR_BARS);
        assertThat(advice.text()).contains("cannot decide: **optimistic**").contains("0.80×")
                .contains("no error bars").contains("--full");
    }

    @Test
    void aBrokenTwin_isNeverRecommended_evenWhenItIsFastest() {
        Advice hotRow = at(Recommendation.of(Fixtures.summary(Fixtures.CLEAR_AND_NOISY), List.of()), "1");

        // verifyAfterWrite ran at 1.2× the baseline in the fixture: fast because it skips the check
        assertThat(hotRow.ranked()).extracting(Candidate::variant)
                .containsExactly(Variant.OPTIMISTIC, Variant.PESSIMISTIC_CLAIMS);
    }

    @Test
    void aCorrectStrategyThatAStressRunFoundInvalid_isLeftOut_andTheAdviceSaysWhy(@TempDir Path dir) throws IOException {
        Path run = Fixtures.copy(Fixtures.OPTIMISTIC_RUN, dir).resolve("results.json");
        Files.writeString(run, Files.readString(run).replaceFirst("\"verdict\": \"valid\"", "\"verdict\": \"invalid\""));
        RunResults invalid = RunResults.read(run);

        Advice hotRow = at(Recommendation.of(Fixtures.summary(Fixtures.CLEAR_AND_NOISY), List.of(invalid)), "1");

        assertThat(hotRow.ranked()).extracting(Candidate::variant).containsExactly(Variant.PESSIMISTIC_CLAIMS);
        assertThat(hotRow.decision()).isEqualTo(Decision.ONLY_ONE);
        assertThat(hotRow.text()).contains("Left out: optimistic: invalid in stress run optimistic--kill-connections");
    }

    @Test
    void failedCalls_lowerAStrategysScore_andItsErrorBar() {
        SummaryRow row = Fixtures.summary(Fixtures.CLEAR_AND_NOISY).stream()
                .filter(r -> r.method().equals("optimistic") && r.keys().equals("1")).findFirst().orElseThrow();
        SummaryRow halfFailed = new SummaryRow(row.benchmark(), row.variant(), row.baseline(), row.backend(), row.keys(),
                row.threads(), row.opsPerSec(), row.opsError(), row.jmhOpsPerSec(), row.okPerSec(),
                row.baselineOpsPerSec(), row.ratio(), row.ratioError(), row.okRatio(), row.latencyMicros(),
                new SummaryRow.Counters(0, 0, 0.5, 0, 0, 0, 0.5));

        Candidate c = Candidate.of(halfFailed);

        assertThat(c.score()).isCloseTo(row.ratio() / 2, within(1e-12));
        assertThat(c.error()).isCloseTo(row.ratioError() / 2, within(1e-12));
    }
}
