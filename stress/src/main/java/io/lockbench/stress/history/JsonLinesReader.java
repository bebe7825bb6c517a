package io.lockbench.stress.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
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
 * {@link MalformedHistoryException} ({@code file:line: what was expected}), invalid UTF-8
 * included. Blank lines and a UTF-8 byte order mark are skipped. A missing {@code index} becomes
 * the op's position, a missing {@code time} 0; a {@code time} smaller than an earlier one is a
 * warning.
 */
public final class JsonLinesReader {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private JsonLinesReader() {
    }

    /** Reads the whole file; {@code source} in messages is the path as given. */
    public static LoadedHistory read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    public static LoadedHistory read(InputStream in, String source) throws IOException {
        List<Op> ops = new ArrayList<>();
        List<String> warnings = stream(in, source, ops::add);
        return new LoadedHistory(source, new History(ops), warnings);
    }

    /** Reads text already decoded (tests, strings); files should use the byte-level readers. */
    public static LoadedHistory read(Reader in, String source) throws IOException {
        return read(new ByteArrayInputStream(utf8(in)), source);
    }

    public static List<String> stream(Reader in, String source, Consumer<Op> sink) throws IOException {
        return stream(new ByteArrayInputStream(utf8(in)), source, sink);
    }

    private static byte[] utf8(Reader in) throws IOException {
        StringWriter text = new StringWriter();
        in.transferTo(text);
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Hands each operation to {@code sink} as soon as its line is read.
     *
     * @return warnings (an incomplete last line, times going back), each {@code file:line: …}
     */
    public static List<String> stream(InputStream in, String source, Consumer<Op> sink) throws IOException {
        TerminatedLineReader lines = new TerminatedLineReader(in);
        JsonOpCodec codec = new JsonOpCodec();
        TimeOrder times = new TimeOrder(source);
        List<String> warnings = new ArrayList<>();
        long lineNumber = 0;
        long count = 0;
        while (lines.next()) {
            lineNumber++;
            if (lineNumber == 1) {
                skipByteOrderMark(lines, source);
            }
            if (isBlank(lines)) {
                continue;
            }
            requireUtf8(lines, source, lineNumber);
            Op op;
            try (JsonParser p = JSON.createParser(lines.bytes(), lines.offset(), lines.length())) {
                op = codec.read(p, source, lineNumber, count);
            } catch (JsonProcessingException e) {
                if (!lines.lastTerminated() && !lines.next()) {
                    warnings.add(source + ":" + lineNumber + ": the last line is incomplete (the writer "
                            + "probably stopped while writing it); read the " + count + " operations before it");
                    break;
                }
                throw new MalformedHistoryException(source, lineNumber,
                        "expected a JSON object but the JSON is malformed: " + JsonMessages.plain(e), e);
            }
            if (codec.sawTime()) {
                times.observe(op.time(), lineNumber);
            }
            sink.accept(op);
            count++;
        }
        warnings.addAll(times.warnings());
        return warnings;
    }

    private static void skipByteOrderMark(TerminatedLineReader lines, String source) {
        byte[] b = lines.bytes();
        int o = lines.offset();
        int n = lines.length();
        if (n >= 3 && b[o] == (byte) 0xEF && b[o + 1] == (byte) 0xBB && b[o + 2] == (byte) 0xBF) {
            lines.skip(3);
        } else if (n >= 2 && ((b[o] == (byte) 0xFF && b[o + 1] == (byte) 0xFE) || (b[o] == (byte) 0xFE && b[o + 1] == (byte) 0xFF))) {
            throw new MalformedHistoryException(source, 1, "expected UTF-8 text but the file starts with a "
                    + "UTF-16 byte order mark; convert it with iconv -f UTF-16 -t UTF-8");
        }
    }

    private static boolean isBlank(TerminatedLineReader lines) {
        byte[] b = lines.bytes();
        for (int i = lines.offset(), end = i + lines.length(); i < end; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static void requireUtf8(TerminatedLineReader lines, String source, long lineNumber) {
        byte[] b = lines.bytes();
        int from = lines.offset();
        int end = from + lines.length();
        int i = from;
        while (i < end && b[i] >= 0) {
            i++;
        }
        if (i == end) {
            return; // ASCII, the usual case
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(b, from, end - from);
        CoderResult result = decoder.decode(bytes, CharBuffer.allocate(end - from), true);
        if (result.isError()) {
            int at = bytes.position();
            throw new MalformedHistoryException(source, lineNumber, String.format("invalid UTF-8 byte 0x%02x at "
                    + "byte %d of the line; histories are UTF-8 text (convert a Latin-1 file with iconv -f LATIN1 "
                    + "-t UTF-8)", b[at] & 0xff, at - from + 1));
        }
    }
}
