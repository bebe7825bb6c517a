package io.lockbench.stress.checker.sequence;

import io.lockbench.stress.checker.Anomaly;
import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.checker.Checker;
import io.lockbench.stress.checker.RealTimeOrder;
import io.lockbench.stress.checker.sequence.FileOps.Append;
import io.lockbench.stress.history.History;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks unique-constraint sequencing of file versions: per file, versions are unique and
 * contiguous from 1, every acknowledged append is in the final read exactly once with the version
 * it was told, nothing failed or never appended is read, and an append that completed before
 * another began has the smaller version.
 *
 * <p>Value conventions (the op's {@code key} is the file id):
 * <ul>
 *   <li>{@code append}: the invocation's value is a payload unique to the file; an {@code ok}
 *       completion's value is the version number (integer) the database assigned, or nil if the
 *       client did not learn it;</li>
 *   <li>{@code read}: an {@code ok} completion's value is the file's versions as a list of
 *       {@code [version payload]} pairs; the last ok read of a file is its final read.</li>
 * </ul>
 * An acknowledged append must be in the final read if it completed before that read began (one
 * concurrent with it may be missing). A {@code fail}ed append must not be read; an {@code info} append (or one that never completed)
 * may be read at most once, or not at all. Without a final read a file is checked only for
 * duplicate versions and real-time order, and the summary says so. A history with no append or
 * read at all is unknown: there is nothing to judge.
 */
public final class SequenceChecker implements Checker {

    @Override
    public String name() {
        return "sequence";
    }

    @Override
    public CheckResult check(History history) {
        List<FileOps> files;
        try {
            files = SequenceOps.byFile(history);
        } catch (IllegalArgumentException e) {
            return CheckResult.unknown(name(), "cannot check this history: " + e.getMessage(), Map.of());
        }
        if (files.isEmpty()) {
            return CheckResult.unknown(name(), "nothing to check: no append or read operations", Map.of());
        }
        RealTimeOrder order = RealTimeOrder.of(history);
        List<Anomaly> anomalies = new ArrayList<>();
        List<Object> unread = new ArrayList<>();
        int appends = 0;
        int ok = 0;
        int failed = 0;
        int reads = 0;
        for (FileOps file : files) {
            anomalies.addAll(FileCheck.check(file, order));
            if (file.finalRead() == null && !file.appends().isEmpty()) {
                unread.add(file.file());
            }
            reads += file.reads().size();
            for (Append a : file.appends()) {
                appends++;
                ok += a.operation().ok() ? 1 : 0;
                failed += a.operation().failed() ? 1 : 0;
            }
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("files", files.size());
        stats.put("appends", appends);
        stats.put("ok-appends", ok);
        stats.put("failed-appends", failed);
        stats.put("indeterminate-appends", appends - ok - failed);
        stats.put("reads", reads);
        stats.put("files-without-final-read", unread.size());

        StringBuilder summary = new StringBuilder()
                .append(files.size()).append(files.size() == 1 ? " file, " : " files, ")
                .append(appends).append(" appends (").append(ok).append(" ok, ").append(failed).append(" failed, ")
                .append(appends - ok - failed).append(" indeterminate), ").append(reads).append(" reads");
        if (!unread.isEmpty()) {
            summary.append("; no final read of file").append(unread.size() == 1 ? " " : "s ").append(listed(unread))
                    .append(", so only duplicate versions and real-time order were checked there");
        }
        if (anomalies.isEmpty()) {
            return CheckResult.valid(name(), summary.append(": valid").toString(), stats);
        }
        summary.append(": ").append(anomalies.size()).append(anomalies.size() == 1 ? " anomaly" : " anomalies");
        return CheckResult.invalid(name(), summary.toString(), anomalies, stats);
    }

    private static String listed(List<Object> files) {
        int shown = Math.min(files.size(), 5);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            b.append(i == 0 ? "" : ", ").append(files.get(i));
        }
        return files.size() > shown ? b.append(" … (").append(files.size()).append(" in all)").toString() : b.toString();
    }
}
