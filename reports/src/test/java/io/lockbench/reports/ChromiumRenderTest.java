package io.lockbench.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTML report as a browser draws it: headless Chromium renders a report made from the
 * fixtures (benchmarks and two stress runs) and dumps the DOM after the page's scripts ran. Every
 * chart container must hold an SVG that ECharts drew, the page must mark itself ready, and no
 * script or console error may have been recorded (the page writes them into its DOM). The
 * screenshot is kept as a build artifact: target/report-render/report.png.
 */
class ChromiumRenderTest {

    private static final Path OUT = Path.of("target", "report-render");
    private static Document dom;

    @BeforeAll
    static void render() throws IOException, InterruptedException {
        var chromium = HeadlessChromium.find();
        if (chromium.isEmpty()) {
            if (HeadlessChromium.required()) {
                fail("no chromium (/usr/bin/chromium, or LOCKBENCH_CHROMIUM) but " + HeadlessChromium.REQUIRE_ENV
                        + "=1: install Debian's chromium (apt-get install chromium)");
            }
            Assumptions.abort("no chromium to render the report in (install Debian's chromium, or set LOCKBENCH_CHROMIUM)");
        }
        Files.createDirectories(OUT);
        Path runs = OUT.resolve("runs");
        if (!Files.isDirectory(runs.resolve("optimistic--kill-connections"))) {
            Fixtures.copy(Fixtures.OPTIMISTIC_RUN, runs);
            Fixtures.copy(Fixtures.TWIN_RUN, runs);
        }
        Report report = Report.of(ReportInputs.read(List.of(Fixtures.path(Fixtures.CLEAR_AND_NOISY), runs)));
        Path html = ReportFiles.write(report, OUT.resolve("report.html")).html();
        dom = Jsoup.parse(chromium.get().render(html, OUT.resolve("report.png"), 1400, 3600));
    }

    @Test
    void everyChart_holdsAnSvgThatEChartsDrew() {
        List<Element> charts = dom.select("div.chart");

        assertThat(charts).extracting(Element::id).containsExactly("throughput-sqlite", "ratio-sqlite",
                "latency-sqlite-1", "counters-sqlite", "timeline-chart");
        for (Element chart : charts) {
            assertThat(chart.attr("data-rendered")).as(chart.id()).isEqualTo("true");
            assertThat(chart.select("svg path")).as(chart.id() + ": drawn paths").isNotEmpty();
        }
        Element status = dom.getElementById("render-status");
        assertThat(status.attr("data-charts")).isEqualTo("5");
        assertThat(status.attr("data-rendered")).isEqualTo("5");
    }

    @Test
    void thePage_ranItsScriptToTheEnd_withoutAnyError() {
        assertThat(dom.selectFirst("html").attr("data-report-ready")).isEqualTo("true");
        assertThat(dom.selectFirst("html").hasAttr("data-js-errors")).as(dom.getElementById("js-errors").text()).isFalse();
        assertThat(dom.getElementById("js-errors").text()).isEmpty();
    }

    @Test
    void theTablesAndTheRecommendation_areInThePage() {
        assertThat(dom.select("#recommendation .advice.CLEAR").text()).contains("optimistic (optimistic retry) fits best");
        assertThat(dom.select("#recommendation .advice.TOO_NOISY").text()).contains("too noisy to decide");
        assertThat(dom.select("#detection td.invalid").text()).contains("invalid (as expected)");
        assertThat(dom.select("#environment dd").eachText()).contains("lockbench bench --full --backend sqlite");
    }

    @Test
    void theScreenshot_isKeptAsABuildArtifact() throws IOException {
        byte[] png = Files.readAllBytes(OUT.resolve("report.png"));

        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(png.length).isGreaterThan(50_000);
    }
}
