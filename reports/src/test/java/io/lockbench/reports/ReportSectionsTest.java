package io.lockbench.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportSectionsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private static Report report(Path... inputs) {
        return Report.of(ReportInputs.read(List.of(inputs)), NOW);
    }

    @Test
    void benchAndStress_giveEverySection_inTheMarkdown(@TempDir Path dir) {
        Report report = report(Fixtures.path(Fixtures.CLEAR_AND_NOISY), Fixtures.copy(Fixtures.OPTIMISTIC_RUN, dir),
                Fixtures.copy(Fixtures.TWIN_RUN, dir));

        String md = MarkdownReport.render(report, Optional.of("report.html"));

        assertThat(report.missing()).isEmpty();
        assertThat(md).contains("# lockbench report", "charts in `report.html`", "## Recommendation",
                "- SQLite, one hot row (1 key, 4 threads): **optimistic** (optimistic retry) fits best",
                "## Correct strategies, measured",
                "| SQLite | optimistic | 1 | 4 | 900 | 0.90× ± 0.02 | 750 µs | conflicts 0.40, retries 0.38 |",
                "## Detection table", "| variant | none | kill-connections |",
                "| optimistic | · | **valid** ✓<br>VERSION_CONFLICT 3.0 % |",
                "| verify-after-write (broken) | **invalid** ✓<br>VERSION_CONFLICT 4.8 % | · |",
                "## Timeline", "`optimistic--kill-connections` (valid) over time, with its 3 fault intervals shaded",
                "## Environment", "- command: lockbench bench --full --backend sqlite", "- lockbench: 0.1.0-SNAPSHOT 7736ec8abcde",
                "- SQLite: SQLite: version=3.54.1, journal_mode=WAL", "- cores: 2 Test CPU",
                "- servers: jdbc:sqlite:runs/optimistic--kill-connections/20261202T125159Z/db.sqlite")
                .doesNotContain("## Not in this report")
                .doesNotContain("verify-after-write | 1 |"); // twins are charted, never listed as candidates
    }

    @Test
    void benchResultsAlone_makeAWholeReport_thatSaysTheStressPartsAreMissing() {
        Report report = report(Fixtures.path(Fixtures.CLEAR_AND_NOISY));

        String md = MarkdownReport.render(report, Optional.empty());
        String html = HtmlReport.render(report);

        assertThat(report.timeline()).isEmpty();
        assertThat(report.detection().tables()).isEmpty();
        assertThat(md).contains("## Not in this report", "No stress results were given", "## Recommendation",
                "## Correct strategies, measured").doesNotContain("## Detection table").doesNotContain("## Timeline");
        assertThat(html).contains("No stress results were given");
    }

    @Test
    void stressResultsAlone_makeAWholeReport_withoutRecommendationOrFigures(@TempDir Path dir) {
        Report report = report(Fixtures.copy(Fixtures.TWIN_RUN, dir));

        String md = MarkdownReport.render(report, Optional.empty());

        assertThat(report.advice()).isEmpty();
        assertThat(report.timeline()).as("the twin's history is not beside its results").isEmpty();
        assertThat(md).contains("No benchmark results were given", "no timeline", "## Detection table",
                "**invalid** ✓").doesNotContain("## Recommendation").doesNotContain("## Correct strategies");
    }

    @Test
    void aTwinThatIsInvalidForAnotherReason_isMarkedNotAsExpected_withTheAnomalyItDeclares(@TempDir Path dir)
            throws java.io.IOException {
        Path run = Fixtures.copy(Fixtures.TWIN_RUN, dir).resolve("results.json");
        java.nio.file.Files.writeString(run, java.nio.file.Files.readString(run)
                .replace("\"as_expected\": true", "\"as_expected\": false"));

        String md = MarkdownReport.render(report(run), Optional.empty());

        assertThat(md).contains("| verify-after-write (broken) | **invalid** ✗ not the declared anomaly (lost update)<br>");
    }

    @Test
    void aDetectionRow_isOneMarkdownLine_withItsFailuresInTheCell(@TempDir Path dir) {
        Report report = report(Fixtures.copy(Fixtures.OPTIMISTIC_RUN, dir));

        String md = MarkdownReport.render(report, Optional.empty());

        assertThat(md.lines().filter(l -> l.startsWith("| optimistic")).toList()).hasSize(1);
    }
}
