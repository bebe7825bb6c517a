package io.lockbench.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** I/O failures as one line a user can act on: the path as given and the reason, never a Java class name. */
final class FileProblems {

    private FileProblems() {
    }

    /** {@code h.edn: no such file}, {@code out/: is a directory}, {@code h.edn: permission denied}. */
    static String describe(Path path, IOException e) {
        return path + ": " + reason(path, e);
    }

    static String reason(Path path, IOException e) {
        if (e instanceof NoSuchFileException n) {
            return n.getReason() != null ? n.getReason() : "no such file";
        }
        if (e instanceof AccessDeniedException a) {
            return a.getReason() != null ? a.getReason() : "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is not a directory";
        }
        if (Files.isDirectory(path)) {
            return "is a directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "cannot be read or written" : message;
    }

    /** Reading needs a regular file: say what is wrong before trying. */
    static String unreadable(Path path) {
        if (!Files.exists(path)) {
            return path + ": no such file";
        }
        if (Files.isDirectory(path)) {
            return path + ": is a directory, not a history file";
        }
        if (!Files.isReadable(path)) {
            return path + ": permission denied";
        }
        return null;
    }
}
