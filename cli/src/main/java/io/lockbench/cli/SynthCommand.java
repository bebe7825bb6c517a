package io.lockbench.cli;

import io.lockbench.stress.history.AtomicOutput;
import io.lockbench.stress.history.EdnHistoryWriter;
import io.lockbench.stress.history.History;
import io.lockbench.stress.history.HistoryFormat;
import io.lockbench.stress.history.HistoryMutations;
import io.lockbench.stress.history.JsonLinesWriter;
import io.lockbench.stress.history.Op;
import io.lockbench.stress.history.SyntheticHistories;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lockbench synth}: writes a synthetic, linearizable register history (or one broken on
 * purpose), to measure and test the checkers: {@code lockbench synth --ops 1000000 --keys 1000
 * -o h.jsonl && lockbench check --stats h.jsonl}.
 */
@Command(name = "synth",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a synthetic history from a simulated register: concurrent clients, overlapping ops, "
                    + "indeterminate (info) ops that took effect before, after or never.",
            "Linearizable unless --break is given."
        })
public final class SynthCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "Where to write; the format follows the extension (.jsonl or .edn) unless --format is given.")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT", description = "jsonl or edn.")
    String format;

    @Option(names = "--model", defaultValue = "cas-register", paramLabel = "MODEL",
            description = "register, cas-register or versioned (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--ops", defaultValue = "10000", paramLabel = "N",
            description = "Operations to invoke; each has an invocation and a completion record (default: ${DEFAULT-VALUE}).")
    int ops;

    @Option(names = "--keys", defaultValue = "1", paramLabel = "N",
            description = "Registers; 1 writes a single-register history without keys (default: ${DEFAULT-VALUE}).")
    int keys;

    @Option(names = "--processes", defaultValue = "10", paramLabel = "N",
            description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int processes;

    @Option(names = "--info", defaultValue = "0.05", paramLabel = "RATE",
            description = "Fraction of ops that end info (default: ${DEFAULT-VALUE}).")
    double info;

    @Option(names = "--values", defaultValue = "5", paramLabel = "N",
            description = "Distinct values written per key; 0 writes a fresh value every time (default: ${DEFAULT-VALUE}).")
    int values;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--break", paramLabel = "HOW",
            description = "Make it non-linearizable: stale-read (a read returns a value overwritten for good; "
                    + "register and cas-register) or never-written (a read returns a value nobody wrote), "
                    + "placed in the last tenth of the history.")
    String breakHow;

    @Override
    public Integer call() {
        HistoryFormat f = format != null
                ? HistoryFormat.fromCliName(format).orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(), "Invalid value for option '--format': '" + format + "' (expected jsonl or edn)"))
                : HistoryFormat.fromFileName(output).orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(), "cannot tell the format from '" + output + "'; use .jsonl or .edn, or --format"));
        if (!SyntheticHistories.MODELS.contains(model)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--model': '"
                    + model + "' (expected one of " + String.join(", ", SyntheticHistories.MODELS) + ")");
        }
        // Bounds that keep the generator's memory small (it holds one slot per process and key).
        OptionRange.require(spec, "--ops", ops, 0, 100_000_000, "0 to 100,000,000");
        OptionRange.require(spec, "--keys", keys, 1, 1_000_000, "1 to 1,000,000");
        OptionRange.require(spec, "--processes", processes, 1, 10_000, "1 to 10,000");
        OptionRange.require(spec, "--info", info, 0, 1, "a fraction from 0 to 1");
        OptionRange.require(spec, "--values", values, 0, 1_000_000, "0 to 1,000,000");
        if (breakHow != null && !breakHow.equals("stale-read") && !breakHow.equals("never-written")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--break': '" + breakHow + "' (expected stale-read or never-written)");
        }
        SyntheticHistories.Spec synth = new SyntheticHistories.Spec(model, ops, keys, processes, info, values, seed);
        try {
            return write(synth, f);
        } catch (IOException e) {
            return cannotWrite(e);
        } catch (UncheckedIOException e) {
            return cannotWrite(e.getCause());
        }
    }

    private int cannotWrite(IOException e) {
        spec.commandLine().getErr().println("lockbench synth: cannot write " + FileProblems.describe(output, e)
                + "; nothing was written");
        return Lockbench.EXIT_ERROR;
    }

    private int write(SyntheticHistories.Spec synth, HistoryFormat f) throws IOException {
        long[] written = new long[1];
        if (breakHow == null) {
            try (Sink sink = new Sink(output, f, keys > 1)) {
                SyntheticHistories.generate(synth, op -> {
                    sink.accept(op);
                    written[0]++;
                });
                sink.commit();
            }
        } else {
            History history = SyntheticHistories.generate(synth);
            Optional<HistoryMutations.Mutation> broken = switch (breakHow) {
                case "stale-read" -> HistoryMutations.staleRead(history, new Random(seed), 0.9);
                case "never-written" -> HistoryMutations.neverWrittenRead(history, new Random(seed), 0.9);
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "Invalid value for option '--break': '" + breakHow + "' (expected stale-read or never-written)");
            };
            if (broken.isEmpty()) {
                spec.commandLine().getErr().println("lockbench synth: no read in the last tenth can be made a "
                        + breakHow + " for certain (indeterminate writes could explain any value); try never-written, "
                        + "more --values, or a lower --info");
                return Lockbench.EXIT_ERROR;
            }
            try (Sink sink = new Sink(output, f, keys > 1)) {
                for (Op op : broken.get().history()) {
                    sink.accept(op);
                    written[0]++;
                }
                sink.commit();
            }
            spec.commandLine().getErr().println("lockbench synth: " + broken.get().description());
        }
        spec.commandLine().getErr().println("lockbench synth: wrote " + written[0] + " records to " + output);
        return Lockbench.EXIT_VALID;
    }

    /**
     * Writes ops in the chosen format, batched, to a temporary file that replaces the output only
     * when complete: a failed or interrupted run leaves any earlier file as it was.
     */
    private static final class Sink implements Consumer<Op>, AutoCloseable {
        private final AtomicOutput target;
        private final JsonLinesWriter jsonl;
        private final EdnHistoryWriter edn;

        Sink(Path file, HistoryFormat format, boolean keyed) throws IOException {
            target = AtomicOutput.create(file);
            jsonl = format == HistoryFormat.JSONL ? new JsonLinesWriter(target.stream(), false) : null;
            edn = format == HistoryFormat.EDN
                    ? new EdnHistoryWriter(new OutputStreamWriter(target.stream(), StandardCharsets.UTF_8), false, keyed)
                    : null;
        }

        @Override
        public void accept(Op op) {
            try {
                if (jsonl != null) {
                    jsonl.write(op);
                } else {
                    edn.write(op);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Puts the finished file in place. */
        void commit() throws IOException {
            if (jsonl != null) {
                jsonl.flush();
            } else {
                edn.finish();
            }
            target.commit();
        }

        @Override
        public void close() throws IOException {
            target.close();
        }
    }
}
