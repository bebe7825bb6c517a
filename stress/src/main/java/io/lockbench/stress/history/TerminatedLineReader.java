package io.lockbench.stress.history;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads lines of bytes and remembers whether each ended with a newline: a JSON Lines file whose
 * last line has no newline was probably cut off by a crash, which {@link java.io.BufferedReader}
 * cannot tell. Lines stay bytes, so the JSON parser reads them without a copy and invalid UTF-8
 * can be reported with the byte that is wrong.
 */
final class TerminatedLineReader {

    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    /** Unread bytes are {@code buffer[start, end)}. */
    private int start;
    private int end;
    private boolean eof;
    private int lineOffset;
    private int lineLength;
    private boolean lastTerminated;

    TerminatedLineReader(InputStream in) {
        this.in = in;
    }

    /** Advances to the next line (without its {@code \n} or {@code \r\n}); false at the end. */
    boolean next() throws IOException {
        int scanFrom = start;
        while (true) {
            for (int i = scanFrom; i < end; i++) {
                if (buffer[i] == '\n') {
                    setLine(start, i, true);
                    start = i + 1;
                    return true;
                }
            }
            if (eof) {
                if (start == end) {
                    lastTerminated = false;
                    return false;
                }
                setLine(start, end, false);
                start = end;
                return true;
            }
            scanFrom = end - start;
            fill();
        }
    }

    private void setLine(int from, int to, boolean terminated) {
        int length = to - from;
        if (terminated && length > 0 && buffer[to - 1] == '\r') {
            length--;
        }
        lineOffset = from;
        lineLength = length;
        lastTerminated = terminated;
    }

    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2); // a line longer than the buffer
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
    }

    /** The current line's bytes are {@code bytes()[offset(), offset() + length())}. */
    byte[] bytes() {
        return buffer;
    }

    int offset() {
        return lineOffset;
    }

    int length() {
        return lineLength;
    }

    /** Skips {@code n} bytes at the start of the current line (a byte order mark). */
    void skip(int n) {
        lineOffset += n;
        lineLength -= n;
    }

    /** Whether the current line ended with a newline. */
    boolean lastTerminated() {
        return lastTerminated;
    }
}
