package io.lockbench.cli;

import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.checker.Verdict;
import io.lockbench.stress.history.HistoryFormat;
import java.util.List;

/**
 * The outcome of checking one file: a checker's result, or the reason the file could not be
 * checked (a malformed line, a missing file).
 *
 * @param file     the file as named on the command line
 * @param format   the format it was read as, or null if that could not be decided
 * @param warnings what the reader recovered from
 * @param result   the checker's result, or null on error
 * @param error    why it could not be checked ({@code file:line: what was expected}), or null
 * @param readMs   time spent reading
 * @param records  records read
 */
record FileVerdict(String file, HistoryFormat format, List<String> warnings, CheckResult result, String error,
                   long readMs, int records) {

    static FileVerdict error(String file, HistoryFormat format, String error) {
        return new FileVerdict(file, format, List.of(), null, error, 0, 0);
    }

    /** An error counts as unknown: nothing was decided. */
    Verdict verdict() {
        return result == null ? Verdict.UNKNOWN : result.verdict();
    }
}
