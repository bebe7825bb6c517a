package io.lockbench.stress.history;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats a history can be stored in. */
public enum HistoryFormat {
    /** lockbench's own: one JSON object per line, streamed while the run goes on. */
    JSONL,
    /** Jepsen's: EDN maps, one per line or in one vector. */
    EDN;

    /** {@code jsonl} / {@code edn}, as on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<HistoryFormat> fromCliName(String name) {
        for (HistoryFormat f : values()) {
            if (f.cliName().equalsIgnoreCase(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The format a file name implies: {@code .jsonl}/{@code .ndjson} or {@code .edn}. */
    public static Optional<HistoryFormat> fromFileName(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Optional.of(JSONL);
        }
        if (name.endsWith(".edn")) {
            return Optional.of(EDN);
        }
        return Optional.empty();
    }

    /**
     * Reads a history file.
     *
     * @param independent EDN only: read every client op's value as Jepsen's {@code [key value]}
     */
    public LoadedHistory read(Path file, boolean independent) throws IOException {
        return switch (this) {
            case JSONL -> JsonLinesReader.read(file);
            case EDN -> EdnPieceReader.read(file, independent);
        };
    }

    /** Writes a whole history (EDN: one map per line). */
    public void write(History history, Path file) throws IOException {
        switch (this) {
            case JSONL -> JsonLinesWriter.write(history, file);
            case EDN -> EdnHistoryWriter.write(history, file, false);
            default -> throw new IllegalStateException(name());
        }
    }
}
