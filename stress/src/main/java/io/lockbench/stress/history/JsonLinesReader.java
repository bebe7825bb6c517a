package io.lockbench.stress.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a JSON Lines history: one operation per line, streamed, so a history is never held in
 * memory twice.
 *
 * <p>A last line without a newline that is not complete JSON is what a crashed writer leaves
 * behind: everything before it is read and a warning says so. Every other bad line is a
 * {@link MalformedHistoryException} ({@code file:line: what was expected}). Blank lines are
 * skipped. A missing {@code index} becomes the op's position, a missing {@code time} 0.
 */
public final class JsonLinesReader {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private JsonLinesReader() {
    }

    /** Reads the whole file; {@code source} in messages is the path as given. */
    public static LoadedHistory read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        }
    }

    public static LoadedHistory read(Reader in, String source) throws IOException {
        List<Op> ops = new ArrayList<>();
        List<String> warnings = stream(in, source, ops::add);
        return new LoadedHistory(source, new History(ops), warnings);
    }

    /**
     * Hands each operation to {@code sink} as soon as its line is read.
     *
     * @return warnings (an incomplete last line), each {@code file:line: …}
     */
    public static List<String> stream(Reader in, String source, Consumer<Op> sink) throws IOException {
        TerminatedLineReader lines = new TerminatedLineReader(in);
        JsonOpCodec codec = new JsonOpCodec();
        List<String> warnings = new ArrayList<>();
        long lineNumber = 0;
        long count = 0;
        for (String line = lines.next(); line != null; line = lines.next()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            Op op;
            try (JsonParser p = JSON.createParser(line)) {
                op = codec.read(p, source, lineNumber, count);
            } catch (JsonProcessingException e) {
                if (!lines.lastTerminated() && lines.next() == null) {
                    warnings.add(source + ":" + lineNumber + ": the last line is incomplete (the writer "
                            + "probably stopped while writing it); read the " + count + " operations before it");
                    break;
                }
                throw new MalformedHistoryException(source, lineNumber,
                        "expected a JSON object but the JSON is malformed: " + e.getOriginalMessage(), e);
            }
            sink.accept(op);
            count++;
        }
        return warnings;
    }
}
