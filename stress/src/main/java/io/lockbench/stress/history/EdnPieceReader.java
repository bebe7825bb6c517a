package io.lockbench.stress.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Reads a big EDN history with one map per line (Jepsen's {@code history.edn}) in pieces, all
 * cores at once: the file is cut before lines that start a map, and each piece is read as if it
 * were a file. Parsing is most of the reading, so two cores read a 190 MB history in about half
 * the time.
 *
 * <p>The result is always exactly what {@link EdnHistoryReader} reads from the whole file, because
 * anything the pieces cannot settle alone falls back to it: a cut that lands inside a value
 * (the piece before it then ends unclosed), a history in one vector, a malformed op (the whole
 * file's reader reports it with its line) and times that go backwards (the warning names lines).
 * The pieces prove their cuts: the first piece starts where the file does, so if it reads cleanly
 * to its end, the second starts between two values, and so on.
 */
final class EdnPieceReader {

    /** Below this, one thread reads the file before the others would have started. */
    static final long MIN_BYTES = 8L << 20;
    private static final long MIN_PIECE_BYTES = 4L << 20;
    /** More pieces than cores, so that a core slowed by other work does not hold up the end. */
    private static final int PIECES_PER_CORE = 4;
    /** How far past a planned cut to look for a line starting a map before giving that cut up. */
    private static final int CUT_SEARCH_BYTES = 1 << 20;

    private EdnPieceReader() {
    }

    static LoadedHistory read(Path file, boolean independent) throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        long size = Files.size(file);
        if (cores > 1 && size >= MIN_BYTES) {
            List<Op> ops = readInPieces(file, independent,
                    (int) Math.min((long) cores * PIECES_PER_CORE, size / MIN_PIECE_BYTES));
            if (ops != null) {
                return new LoadedHistory(file.toString(), new History(ops), List.of());
            }
        }
        return EdnHistoryReader.read(file, independent);
    }

    /**
     * The ops of the file read in about {@code pieces} pieces (fewer where no line starts a map
     * near a cut), or null when the whole file's reader must decide.
     */
    static List<Op> readInPieces(Path file, boolean independent, int pieces) throws IOException {
        String source = file.toString();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (!startsWithMap(channel, size, source)) {
                return null;
            }
            return readInPieces(channel, cuts(channel, size, pieces), source, independent);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** As {@link #readInPieces(Path, boolean, int)}, cut at the given offsets (each the start of a line). */
    static List<Op> readCutAt(Path file, boolean independent, long... cuts) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long[] bounds = new long[cuts.length + 2];
            System.arraycopy(cuts, 0, bounds, 1, cuts.length);
            bounds[bounds.length - 1] = channel.size();
            return readInPieces(channel, bounds, file.toString(), independent);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Whether the first value is a map (one map per line), not the vector of a whole history. */
    private static boolean startsWithMap(FileChannel channel, long size, String source) throws IOException {
        try {
            int first = new EdnParser(new FileRegion(channel, 0, size), source).skipBlanks();
            return first == '{' || first == '#';
        } catch (MalformedHistoryException e) {
            return false; // e.g. UTF-16: the whole file's reader says so
        }
    }

    /** Where the pieces start and end: 0, the cuts found, and the file's size. */
    private static long[] cuts(FileChannel channel, long size, int pieces) throws IOException {
        List<Long> cuts = new ArrayList<>();
        cuts.add(0L);
        for (int i = 1; i < pieces; i++) {
            long cut = lineStartingAMap(channel, Math.max(size * i / pieces, cuts.get(cuts.size() - 1)), size);
            if (cut > cuts.get(cuts.size() - 1)) {
                cuts.add(cut);
            }
        }
        cuts.add(size);
        return cuts.stream().mapToLong(Long::longValue).toArray();
    }

    /** The first line at or after {@code from} that starts with {@code {} or {@code #}, or -1. */
    private static long lineStartingAMap(FileChannel channel, long from, long size) throws IOException {
        ByteBuffer window = ByteBuffer.allocate(64 * 1024);
        long at = from;
        while (at < size && at - from < CUT_SEARCH_BYTES) {
            window.clear();
            int n = channel.read(window, at);
            if (n <= 1) {
                return -1;
            }
            for (int i = 0; i + 1 < n; i++) {
                byte next = window.get(i + 1);
                if (window.get(i) == '\n' && (next == '{' || next == '#')) {
                    return at + i + 1;
                }
            }
            at += n - 1;
        }
        return -1;
    }

    /** The ops of all pieces in order, or null when the whole file's reader must decide. */
    private static List<Op> readInPieces(FileChannel channel, long[] cuts, String source, boolean independent) {
        List<EdnPiece> pieces = IntStream.range(0, cuts.length - 1).parallel()
                .mapToObj(i -> readPiece(channel, cuts[i], cuts[i + 1], source, independent))
                .toList();
        List<Op> all = new ArrayList<>();
        long latest = Long.MIN_VALUE;
        for (EdnPiece piece : pieces) {
            if (piece == null || !piece.times().inOrder()
                    || (piece.times().observed() && piece.times().earliest() < latest)) {
                return null;
            }
            latest = Math.max(latest, piece.times().latest());
            List<Op> ops = piece.ops();
            long base = all.size();
            if (base > 0) {
                for (int i = piece.defaultedIndex().nextSetBit(0); i >= 0; i = piece.defaultedIndex().nextSetBit(i + 1)) {
                    ops.set(i, ops.get(i).withIndex(base + i));
                }
            }
            all.addAll(ops);
        }
        return all;
    }

    /** One piece, or null if it does not read cleanly on its own. */
    private static EdnPiece readPiece(FileChannel channel, long from, long to, String source, boolean independent) {
        try {
            return EdnHistoryReader.readPiece(new FileRegion(channel, from, to), source, independent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return null; // a problem, or a cut inside a value: the whole file's reader tells which
        }
    }
}
