package io.lockbench.stress.history;

/**
 * A history file that cannot be read: the message is {@code file:line: what was expected}, the
 * form compilers use, so editors and terminals can jump to the line.
 */
public final class MalformedHistoryException extends RuntimeException {

    private final String source;
    private final long line;
    private final String expectation;

    public MalformedHistoryException(String source, long line, String expectation) {
        super(source + ":" + line + ": " + expectation);
        this.source = source;
        this.line = line;
        this.expectation = expectation;
    }

    public MalformedHistoryException(String source, long line, String expectation, Throwable cause) {
        this(source, line, expectation);
        initCause(cause);
    }

    /** The file (as the user named it) or stream the history came from. */
    public String source() {
        return source;
    }

    /** 1-based line number of the problem. */
    public long line() {
        return line;
    }

    /** What was expected there, without the {@code file:line:} prefix. */
    public String expectation() {
        return expectation;
    }
}
