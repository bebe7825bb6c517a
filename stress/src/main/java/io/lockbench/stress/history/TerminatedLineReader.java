package io.lockbench.stress.history;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines and remembers whether each ended with a newline: a JSON Lines file whose last line
 * has no newline was probably cut off by a crash, which {@link java.io.BufferedReader} cannot tell.
 */
final class TerminatedLineReader {

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private boolean lastTerminated;
    private final StringBuilder line = new StringBuilder(256);

    TerminatedLineReader(Reader in) {
        this.in = in;
    }

    /** The next line without its terminator ({@code \n} or {@code \r\n}), or null at the end. */
    String next() throws IOException {
        line.setLength(0);
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    lastTerminated = false;
                    return any ? line.toString() : null;
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            line.append(buffer, start, position - start);
            any = true;
            if (position < limit) {
                position++; // the newline
                int n = line.length();
                if (n > 0 && line.charAt(n - 1) == '\r') {
                    line.setLength(n - 1);
                }
                lastTerminated = true;
                return line.toString();
            }
        }
    }

    /** Whether the line last returned by {@link #next()} ended with a newline. */
    boolean lastTerminated() {
        return lastTerminated;
    }
}
