package io.lockbench.cli;

import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.checker.Checker;
import io.lockbench.stress.checker.CheckerCatalog;
import io.lockbench.stress.checker.Verdict;
import io.lockbench.stress.checker.elle.ConsistencyModel;
import io.lockbench.stress.checker.linear.SearchBudget;
import io.lockbench.stress.history.HistoryFormat;
import io.lockbench.stress.history.IndependentHint;
import io.lockbench.stress.history.LoadedHistory;
import io.lockbench.stress.history.MalformedHistoryException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lockbench check FILE…}: checks recorded histories and exits 0 if all are valid, 1 if
 * any is invalid, 2 if none is invalid but one is unknown or could not be read.
 */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Checks histories (lockbench JSON Lines or Jepsen EDN) against a model.",
            "Exit status: 0 all valid, 1 some history invalid, 2 unknown or error (a malformed file "
                    + "is reported as file:line: what was expected)."
        })
public final class CheckCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "History files; several are checked in parallel.")
    List<Path> files;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "cas-register",
            completionCandidates = ModelNames.class,
            description = "What the history should be linearizable against or satisfy: ${COMPLETION-CANDIDATES} "
                    + "(default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "jsonl or edn (default: from the file name: .jsonl/.ndjson or .edn).")
    String format;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "Time budget per file; when spent the verdict is unknown (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--max-states", paramLabel = "N", defaultValue = "1000000",
            description = "Search configurations one key may hold at once, its memory budget (default: ${DEFAULT-VALUE}).")
    int maxStates;

    @Option(names = "--consistency-models", paramLabel = "MODELS",
            description = "Transactional models (list-append, rw-register): what the history must satisfy, as Elle names them: "
                    + "read-uncommitted, read-committed, repeatable-read, snapshot-isolation, serializable, "
                    + "strong-session-read-uncommitted, strong-session-read-committed, "
                    + "strong-session-snapshot-isolation, strong-session-serializable (process order too), "
                    + "strict-serializable (real-time order); several separated by commas (default: serializable).")
    String consistencyModels;

    @Option(names = "--independent",
            description = "EDN: read every client op's value as Jepsen's [key value] (an independent, multi-key history).")
    boolean independent;

    @Option(names = "--json", description = "Print the results as JSON instead of a summary.")
    boolean json;

    @Option(names = "--stats", description = "Print ops, keys, elapsed time, states explored, cache hits and peak heap.")
    boolean stats;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HistoryFormat forced = null;
        if (format != null) {
            forced = HistoryFormat.fromCliName(format).orElseThrow(() -> new CommandLine.ParameterException(
                    spec.commandLine(), "Invalid value for option '--format': '" + format + "' (expected jsonl or edn)"));
        }
        OptionRange.require(spec, "--max-states", maxStates, 1, Integer.MAX_VALUE, "a whole number from 1 to 2147483647");
        Checker checker;
        try {
            checker = consistencyModels == null ? CheckerCatalog.checker(model, new SearchBudget(timeout, maxStates))
                    : CheckerCatalog.checker(model, ConsistencyModel.parse(consistencyModels));
        } catch (IllegalArgumentException e) {
            err.println("lockbench check: " + e.getMessage());
            return Lockbench.EXIT_ERROR;
        }
        if (stats) {
            HeapPeak.reset(); // the management beans cost tens of classes at start: only when asked
        }
        List<FileVerdict> verdicts = checkAll(checker, forced);
        long peakHeap = stats ? HeapPeak.bytes() : -1;
        Verdict overall = Verdict.VALID;
        for (FileVerdict v : verdicts) {
            overall = overall.and(v.verdict());
            if (v.error() != null) {
                err.println(v.error());
            }
        }
        if (json) {
            CheckOutput.json(out, overall, verdicts, peakHeap);
        } else {
            CheckOutput.human(out, verdicts, peakHeap);
        }
        out.flush();
        err.flush();
        return overall.exitCode();
    }

    private List<FileVerdict> checkAll(Checker checker, HistoryFormat forced) throws InterruptedException {
        int threads = Math.max(1, Math.min(files.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "lockbench-check");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<FileVerdict>> futures = new ArrayList<>();
            for (Path file : files) {
                futures.add(pool.submit(() -> checkFile(checker, file, forced)));
            }
            List<FileVerdict> verdicts = new ArrayList<>();
            Iterator<Path> names = files.iterator();
            for (Future<FileVerdict> f : futures) {
                String name = names.next().toString();
                try {
                    verdicts.add(f.get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    String what = cause.getMessage() != null ? cause.getMessage() : "the check failed unexpectedly";
                    verdicts.add(FileVerdict.error(name, forced, name + ": " + what));
                }
            }
            return verdicts;
        } finally {
            pool.shutdownNow();
        }
    }

    FileVerdict checkFile(Checker checker, Path file, HistoryFormat forced) {
        String name = file.toString();
        HistoryFormat f = forced != null ? forced : HistoryFormat.fromFileName(file).orElse(null);
        if (f == null) {
            return FileVerdict.error(name, null, name + ": cannot tell the format from the file name; "
                    + "expected .jsonl, .ndjson or .edn, or use --format jsonl|edn");
        }
        String unreadable = FileProblems.unreadable(file);
        if (unreadable != null) {
            return FileVerdict.error(name, f, unreadable);
        }
        long start = System.nanoTime();
        LoadedHistory loaded;
        try {
            loaded = f.read(file, independent);
        } catch (MalformedHistoryException e) {
            return FileVerdict.error(name, f, e.getMessage());
        } catch (IOException e) {
            return FileVerdict.error(name, f, FileProblems.describe(file, e));
        } catch (OutOfMemoryError e) {
            return FileVerdict.error(name, f, name + ": ran out of memory reading the history; raise -Xmx "
                    + "(e.g. LOCKBENCH_JAVA_OPTS=-Xmx4g)");
        }
        long readMs = (System.nanoTime() - start) / 1_000_000;
        int records = loaded.history().size();
        CheckResult result;
        if (records == 0) {
            result = CheckResult.unknown(checker.name(), "nothing to check: the history has no operations", Map.of());
        } else {
            try {
                result = checker.check(loaded.history());
            } catch (OutOfMemoryError e) {
                result = CheckResult.unknown(checker.name(), "ran out of memory during the check: lower --max-states "
                        + "(now " + maxStates + ") or raise -Xmx (e.g. LOCKBENCH_JAVA_OPTS=-Xmx4g)", Map.of());
            }
        }
        List<String> warnings = loaded.warnings();
        if (!independent && IndependentHint.applies(loaded.history())) {
            warnings = new ArrayList<>(warnings);
            warnings.add(IndependentHint.MESSAGE);
        }
        return new FileVerdict(name, f, warnings, result, null, readMs, records);
    }

    /** The model names for the help text and shell completion. */
    static final class ModelNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return CheckerCatalog.models().iterator();
        }
    }
}
