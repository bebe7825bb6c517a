package io.lockbench.cli;

import io.lockbench.reports.Report;
import io.lockbench.reports.ReportFiles;
import io.lockbench.reports.ReportInputException;
import io.lockbench.reports.ReportInputs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lockbench report RESULTS… -o report.html}: one self-contained HTML report with charts
 * and a Markdown summary beside it, from benchmark and stress results.
 */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Renders benchmark results (JMH JSON, from lockbench bench) and stress runs (results.json, from lockbench "
                    + "run) as one HTML file with charts that opens offline, and a Markdown summary beside it "
                    + "(report.html -> report.md).",
            "RESULTS may be files or directories: every JMH JSON file and results.json below a directory is read "
                    + "(runs/, store/bench/, a compare/ directory).",
            "Exit status: 0 written, 2 error (a missing or malformed input, named with its file)."
        })
final class ReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RESULTS", description = "JMH JSON files, results.json files or directories.")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "report.html",
            description = "The HTML file to write (default: ${DEFAULT-VALUE}); the Markdown goes beside it.")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Files.isDirectory(output)) {
            err.println("lockbench: -o " + output + ": is a directory; give the HTML file to write, e.g. -o "
                    + output.resolve("report.html"));
            return Lockbench.EXIT_ERROR;
        }
        try {
            ReportFiles.Written written = render(inputs, output);
            out.println("report: " + written.html());
            out.println("summary: " + written.markdown());
            written.report().missing().forEach(m -> out.println("  note: " + m));
            out.flush();
            return Lockbench.EXIT_VALID;
        } catch (ReportInputException e) {
            err.println("lockbench: " + e.getMessage());
            return Lockbench.EXIT_ERROR;
        } catch (IOException e) {
            err.println("lockbench: cannot write the report: " + FileProblems.describe(output, e));
            return Lockbench.EXIT_ERROR;
        }
    }

    /** Reads, renders and writes; {@code lockbench compare} calls this too. */
    static ReportFiles.Written render(List<Path> inputs, Path html) throws IOException {
        return ReportFiles.write(Report.of(ReportInputs.read(inputs)), html);
    }
}
