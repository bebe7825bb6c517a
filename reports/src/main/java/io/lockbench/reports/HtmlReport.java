package io.lockbench.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report as one self-contained HTML file: the page template ({@code report.html}), the
 * report's data as JSON, the drawing script ({@code report.js}) and ECharts itself, inlined from
 * its WebJar, so the file opens offline and can be mailed or attached as it is.
 */
public final class HtmlReport {

    /** ECharts' minified build inside the WebJar {@code org.webjars.npm:echarts}. */
    static final String ECHARTS = "META-INF/resources/webjars/echarts/" + echartsVersion() + "/dist/echarts.min.js";

    private static final Pattern SLOT = Pattern.compile("@REPORT_DATA@|/\\*@ECHARTS@\\*/|/\\*@REPORT_JS@\\*/");

    private HtmlReport() {
    }

    public static String render(Report report) {
        String json;
        try {
            // "<" only occurs inside JSON strings, where \u003c means the same: no "</script>" can end the block.
            json = ChartData.JSON.writeValueAsString(ChartData.of(report)).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report's data: " + e.getMessage(), e);
        }
        Map<String, String> slots = Map.of("@REPORT_DATA@", json, "/*@ECHARTS@*/", script(resource(ECHARTS)),
                "/*@REPORT_JS@*/", script(resource("io/lockbench/reports/report.js")));
        // One pass, so nothing inserted is searched for slots again.
        Matcher m = SLOT.matcher(resource("io/lockbench/reports/report.html"));
        StringBuilder html = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(html, Matcher.quoteReplacement(slots.get(m.group())));
        }
        m.appendTail(html);
        return html.toString();
    }

    /** Inline script must not contain the text that ends a script element. */
    private static String script(String js) {
        return js.replace("</script", "<\\/script");
    }

    static String resource(String name) {
        try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " (the build puts it on the class path)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }

    /** The WebJar's version, from its Maven metadata, so upgrading ECharts is a change to the root pom only. */
    private static String echartsVersion() {
        try (InputStream in = HtmlReport.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/echarts/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the ECharts WebJar (org.webjars.npm:echarts) is not on the class path");
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ECharts WebJar's version", e);
        }
    }
}
