package io.lockbench.stress.client;

import io.lockbench.api.Completion;
import io.lockbench.impl.db.Dialect;
import io.lockbench.impl.db.ErrorKind;
import io.lockbench.impl.db.ErrorKinds;
import io.lockbench.impl.db.IndeterminateCommitException;

/**
 * What an exception from a client means for its operation, by lockbench's {@link ErrorKind}
 * classification. The rule errs towards {@code info}: calling an operation {@code fail} that did
 * happen can make a correct system look broken, while {@code info} only weakens the check.
 */
public final class Completions {

    private Completions() {
    }

    /**
     * @param readOnly whether the operation changes nothing (a read): then any error is {@code fail}
     */
    public static Completion fromException(Throwable error, Dialect dialect, boolean readOnly) {
        ErrorKind kind = ErrorKinds.classify(dialect, error);
        String text = describe(error);
        if (error instanceof IndeterminateCommitException || hasCause(error, IndeterminateCommitException.class)) {
            return Completion.info("INDETERMINATE_COMMIT", text);
        }
        if (readOnly && !(error instanceof ClientProcessDiedException)) {
            return Completion.fail(kind.name(), text);
        }
        if (kind.isTransientConflict() || kind == ErrorKind.LOCKED) {
            // The database refused the statement or rolled the transaction back: nothing was applied.
            return Completion.fail(kind.name(), text);
        }
        if (error instanceof OperationTimeoutException) {
            return Completion.info("TIMEOUT", text);
        }
        if (error instanceof ClientProcessDiedException) {
            return Completion.info("PROCESS_KILLED", text);
        }
        return Completion.info(kind.name(), text);
    }

    /** One line: the exception's message without the class name when it has one. */
    public static String describe(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return error.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t.getCause(); c != null && c != t; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
