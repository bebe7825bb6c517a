package io.lockbench.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lockbench.bench.results.BenchFile;
import io.lockbench.stress.runner.RunResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads what {@code lockbench report} is given. Each argument is a JMH JSON file (an array of
 * results), a stress run's {@code results.json} (an object of format {@code lockbench-run/…}), a run
 * directory holding one, or any directory: every {@code *.json} below it that is one of the two
 * (so {@code runs/} or a {@code compare/…} directory works whole). The kind is told by content, not name.
 */
public final class ReportInputs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportInputs() {
    }

    /** @throws ReportInputException a missing file, a malformed one, or nothing readable at all */
    public static ReportData read(List<Path> paths) {
        List<BenchInput> bench = new ArrayList<>();
        List<StressRun> stress = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                List<Path> found = jsonFilesUnder(path);
                int before = bench.size() + stress.size();
                for (Path file : found) {
                    readKnown(file, bench, stress);
                }
                if (bench.size() + stress.size() == before) {
                    throw new ReportInputException(path + ": no results below this directory (looked for JMH JSON "
                            + "files and stress results.json in " + found.size() + " .json files)");
                }
            } else if (Files.isRegularFile(path)) {
                if (!readKnown(path, bench, stress)) {
                    throw new ReportInputException(path + ": neither JMH JSON results (an array, from lockbench bench "
                            + "or -rf json) nor a stress run's results.json (format " + RunResults.FORMAT + ")");
                }
            } else {
                throw new ReportInputException(path + ": no such file or directory");
            }
        }
        return new ReportData(bench, stress);
    }

    /** Reads a file that is one of the two kinds; false for other JSON. Malformed JSON always fails. */
    private static boolean readKnown(Path file, List<BenchInput> bench, List<StressRun> stress) {
        JsonNode root = parse(file);
        try {
            if (root.isArray()) {
                bench.add(new BenchInput(file, BenchFile.parse(root, file.toString())));
                return true;
            }
            if (root.isObject() && root.path("format").asText().startsWith("lockbench-run/")) {
                stress.add(new StressRun(file, RunResults.read(file)));
                return true;
            }
            return false;
        } catch (IllegalArgumentException e) {
            throw new ReportInputException(e.getMessage(), e); // BenchFile names the file and the result
        } catch (IOException e) {
            throw new ReportInputException(file + ": not a readable " + RunResults.FORMAT + " results file: "
                    + e.getMessage(), e);
        }
    }

    private static JsonNode parse(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ReportInputException(file + ":" + line + ": not JSON (" + e.getOriginalMessage()
                    + "); expected JMH JSON results or a stress results.json", e);
        } catch (IOException e) {
            throw new ReportInputException("cannot read " + file + ": " + e, e);
        }
    }

    private static List<Path> jsonFilesUnder(Path dir) {
        // A link given as the start (compare/latest) is followed; links below it (runs/…/latest) are not,
        // so no run is read twice.
        try (Stream<Path> files = Files.walk(Files.isSymbolicLink(dir) ? dir.toRealPath() : dir)) {
            return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new ReportInputException("cannot list " + dir + ": " + e, e);
        }
    }
}
