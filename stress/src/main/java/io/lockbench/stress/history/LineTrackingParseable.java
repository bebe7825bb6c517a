package io.lockbench.stress.history;

import java.io.IOException;
import java.io.Reader;
import us.bpsm.edn.parser.Parseable;

/**
 * edn-java's character source, counting lines so that a problem can be reported as
 * {@code file:line}: edn-java parses the values but does not say where they were.
 *
 * <p>It also lets the reader step over blanks between top-level values, so it knows the line
 * each operation starts on and can stream the elements of a top-level vector one by one (the
 * EDN values themselves are always parsed by edn-java).
 */
final class LineTrackingParseable implements Parseable {

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    /** Characters pushed back by {@link #unread}, most recent last. */
    private final int[] pushedBack = new int[8];
    private int pushed;
    private long line = 1;

    LineTrackingParseable(Reader in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        int c;
        if (pushed > 0) {
            c = pushedBack[--pushed];
        } else {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return END_OF_INPUT;
                }
            }
            c = buffer[position++];
        }
        if (c == '\n') {
            line++;
        }
        return c;
    }

    @Override
    public void unread(int c) throws IOException {
        if (c == END_OF_INPUT) {
            return;
        }
        if (c == '\n') {
            line--;
        }
        pushedBack[pushed++] = c;
    }

    /** 1-based line of the next character to be read. */
    long line() {
        return line;
    }

    /**
     * Skips whitespace, commas (whitespace in EDN) and {@code ;} comments, and returns the next
     * character without consuming it ({@link #END_OF_INPUT} at the end).
     */
    int peekPastBlanks() throws IOException {
        while (true) {
            int c = read();
            if (c == ';') {
                while (c != '\n' && c != END_OF_INPUT) {
                    c = read();
                }
                continue;
            }
            if (c == END_OF_INPUT) {
                return c;
            }
            if (!Character.isWhitespace(c) && c != ',') {
                unread(c);
                return c;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
