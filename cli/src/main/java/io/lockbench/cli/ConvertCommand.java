package io.lockbench.cli;

import io.lockbench.stress.history.EdnHistoryWriter;
import io.lockbench.stress.history.HistoryFormat;
import io.lockbench.stress.history.LoadedHistory;
import io.lockbench.stress.history.MalformedHistoryException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lockbench convert IN OUT}: between lockbench's JSON Lines and Jepsen's EDN, so a history
 * recorded here can be checked by Jepsen's tools and theirs here.
 */
@Command(name = "convert",
        mixinStandardHelpOptions = true,
        description = "Converts a history between JSON Lines (.jsonl) and Jepsen EDN (.edn); formats follow the "
                + "extensions. Keys are written as Jepsen's independent histories do, :value [key value].")
public final class ConvertCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT")
    Path out;

    @Option(names = "--independent", description = "EDN input: read every client op's value as [key value].")
    boolean independent;

    @Option(names = "--vector", description = "EDN output: one vector of maps instead of one map per line.")
    boolean vector;

    @Override
    public Integer call() {
        HistoryFormat from = formatOf(in);
        HistoryFormat to = formatOf(out);
        PrintWriter err = spec.commandLine().getErr();
        String unreadable = FileProblems.unreadable(in);
        if (unreadable != null) {
            err.println("lockbench convert: " + unreadable);
            return Lockbench.EXIT_ERROR;
        }
        if (sameFile(in, out)) {
            err.println("lockbench convert: " + out + " is the input file itself; write to another file "
                    + "(converting in place would lose what the other format cannot hold)");
            return Lockbench.EXIT_ERROR;
        }
        LoadedHistory loaded;
        try {
            loaded = from.read(in, independent);
        } catch (MalformedHistoryException e) {
            err.println(e.getMessage());
            return Lockbench.EXIT_ERROR;
        } catch (IOException e) {
            err.println("lockbench convert: " + FileProblems.describe(in, e));
            return Lockbench.EXIT_ERROR;
        }
        for (String w : loaded.warnings()) {
            err.println("warning: " + w);
        }
        try {
            if (to == HistoryFormat.EDN) {
                EdnHistoryWriter.write(loaded.history(), out, vector);
            } else {
                to.write(loaded.history(), out);
            }
        } catch (IOException e) {
            err.println("lockbench convert: cannot write " + FileProblems.describe(out, e) + "; nothing was written");
            return Lockbench.EXIT_ERROR;
        }
        err.println("lockbench convert: wrote " + loaded.history().size() + " records to " + out);
        return Lockbench.EXIT_VALID;
    }

    /** The same file however it is named: {@code ./h.jsonl}, a symbolic link, a hard link. */
    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private HistoryFormat formatOf(Path file) {
        return HistoryFormat.fromFileName(file).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "cannot tell the format of '" + file + "'; expected .jsonl, .ndjson or .edn"));
    }
}
