package io.lockbench.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @Test
    void theHtml_isSelfContained_withEChartsInlined_andNothingFetched(@TempDir Path dir) {
        String html = HtmlReport.render(Report.of(ReportInputs.read(List.of(Fixtures.path(Fixtures.CLEAR_AND_NOISY),
                Fixtures.copy(Fixtures.OPTIMISTIC_RUN, dir))), Instant.EPOCH));

        assertThat(html).contains("echarts").doesNotContain("@REPORT_DATA@").doesNotContain("/*@ECHARTS@*/")
                .doesNotContain("/*@REPORT_JS@*/");
        String outsideScripts = html.replaceAll("(?s)<script([^>]*)>.*?</script>", "<script$1></script>");
        assertThat(Pattern.compile("<(script|link|img)[^>]+(src|href)=", Pattern.CASE_INSENSITIVE).matcher(outsideScripts).find())
                .as("no external script, stylesheet or image").isFalse();
        assertThat(html.length()).as("ECharts itself is inlined (about 1 MB)").isGreaterThan(1_000_000);
    }

    @Test
    void theData_isJson_thatNoTextInItCanEndItsScriptElement(@TempDir Path dir) throws Exception {
        Path run = Fixtures.copy(Fixtures.OPTIMISTIC_RUN, dir).resolve("results.json");
        java.nio.file.Files.writeString(run, java.nio.file.Files.readString(run)
                .replace("\"optimistic--kill-connections\"", "\"optimistic--kill-connections</script><b>\""));
        String html = HtmlReport.render(Report.of(ReportInputs.read(List.of(run)), Instant.EPOCH));

        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"report-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertThat(m.find()).isTrue();
        JsonNode data = ChartData.JSON.readTree(m.group(1));
        assertThat(data.path("detection").path("tables").get(0).path("lines").get(0).path("cells").get(0)
                .path("scenario").asText()).isEqualTo("optimistic--kill-connections</script><b>");
        assertThat(data.path("timeline").path("faults")).hasSize(3);
    }
}
