package io.lockbench.stress.history;

import java.util.List;

/**
 * A history read from a file, with what the reader had to say about it.
 *
 * @param source   the file as the user named it
 * @param history  the operations read
 * @param warnings problems the reader recovered from (e.g. an incomplete last line left by a
 *                 crashed run), each as {@code file:line: what happened}
 */
public record LoadedHistory(String source, History history, List<String> warnings) {
    public LoadedHistory {
        warnings = List.copyOf(warnings);
    }
}
