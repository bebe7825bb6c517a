package io.lockbench.cli;

import io.lockbench.stress.history.EdnHistoryWriter;
import io.lockbench.stress.history.History;
import io.lockbench.stress.history.HistoryFormat;
import io.lockbench.stress.history.HistoryMutations;
import io.lockbench.stress.history.JsonLinesWriter;
import io.lockbench.stress.history.Op;
import io.lockbench.stress.history.SyntheticHistories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    public Integer call() throws IOException {
        HistoryFormat f = format != null
                ? HistoryFormat.fromCliName(format).orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(), "Invalid value for option '--format': '" + format + "' (expected jsonl or edn)"))
                : HistoryFormat.fromFileName(output).orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(), "cannot tell the format from '" + output + "'; use .jsonl or .edn, or --format"));
        SyntheticHistories.Spec synth;
        try {
            synth = new SyntheticHistories.Spec(model, ops, keys, processes, info, values, seed);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        long[] written = new long[1];
        if (breakHow == null) {
            try (Sink sink = new Sink(output, f)) {
                SyntheticHistories.generate(synth, op -> {
                    sink.accept(op);
                    written[0]++;
                });
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
            try (Sink sink = new Sink(output, f)) {
                for (Op op : broken.get().history()) {
                    sink.accept(op);
                    written[0]++;
                }
            }
            spec.commandLine().getErr().println("lockbench synth: " + broken.get().description());
        }
        spec.commandLine().getErr().println("lockbench synth: wrote " + written[0] + " records to " + output);
        return Lockbench.EXIT_VALID;
    }

    /** Writes ops in the chosen format, batched (a finished synthetic history needs no crash safety). */
    private static final class Sink implements Consumer<Op>, AutoCloseable {
        private final JsonLinesWriter jsonl;
        private final EdnHistoryWriter edn;

        Sink(Path file, HistoryFormat format) throws IOException {
            jsonl = format == HistoryFormat.JSONL ? new JsonLinesWriter(Files.newOutputStream(file), false) : null;
            edn = format == HistoryFormat.EDN
                    ? new EdnHistoryWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), false) : null;
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

        @Override
        public void close() throws IOException {
            if (jsonl != null) {
                jsonl.close();
            } else {
                edn.close();
            }
        }
    }
}
