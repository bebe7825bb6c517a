package io.lockbench.reports;

import io.lockbench.stress.history.AtomicOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes a report's two files: the HTML where asked and the Markdown beside it ({@code report.html}
 * → {@code report.md}), each through a temporary file renamed into place when complete, so an
 * interrupted write leaves no half file.
 */
public final class ReportFiles {

    /** Where the two files went. */
    public record Written(Path html, Path markdown, Report report) {
    }

    private ReportFiles() {
    }

    public static Written write(Report report, Path html) throws IOException {
        Path markdown = markdownBeside(html);
        String name = html.getFileName().toString();
        write(html, HtmlReport.render(report));
        write(markdown, MarkdownReport.render(report, Optional.of(name)));
        return new Written(html, markdown, report);
    }

    /** {@code report.html} → {@code report.md}; a name without {@code .html} gets {@code .md} appended. */
    public static Path markdownBeside(Path html) {
        String name = html.getFileName().toString();
        String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".html") ? name.substring(0, name.length() - 5)
                : name.toLowerCase(java.util.Locale.ROOT).endsWith(".htm") ? name.substring(0, name.length() - 4) : name;
        return html.resolveSibling(stem + ".md");
    }

    private static void write(Path file, String text) throws IOException {
        try (AtomicOutput out = AtomicOutput.create(file)) {
            out.stream().write(text.getBytes(StandardCharsets.UTF_8));
            out.commit();
        }
    }
}
