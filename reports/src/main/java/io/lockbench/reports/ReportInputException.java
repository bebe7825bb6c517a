package io.lockbench.reports;

/** An input that cannot be read as results: the message names the file and what was expected. */
public final class ReportInputException extends RuntimeException {

    public ReportInputException(String message) {
        super(message);
    }

    public ReportInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
