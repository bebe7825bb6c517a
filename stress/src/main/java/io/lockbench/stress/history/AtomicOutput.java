package io.lockbench.stress.history;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file written whole or not at all: bytes go to a hidden temporary file beside the target,
 * which replaces the target (by rename) only on {@link #commit()}. A write that fails or is
 * interrupted leaves the old file as it was and no half-written one.
 *
 * <pre>{@code
 * try (AtomicOutput out = AtomicOutput.create(path)) {
 *     out.stream().write(bytes);
 *     out.commit();
 * }
 * }</pre>
 */
public final class AtomicOutput implements AutoCloseable {

    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final OutputStream stream;
    private boolean done;

    private AtomicOutput(Path target, Path temporary, FileChannel channel) {
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
        this.stream = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    }

    /**
     * Starts writing {@code target}. A symbolic link is followed, so the file it points at is
     * replaced and the link kept.
     */
    public static AtomicOutput create(Path target) throws IOException {
        Path real = Files.isSymbolicLink(target) ? target.toRealPath() : target.toAbsolutePath();
        Path dir = real.getParent();
        Path temporary = dir.resolve("." + real.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp");
        FileChannel channel;
        try {
            channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(target.toString(), null, "no such directory: " + dir);
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(target.toString(), null, "permission denied: cannot create files in " + dir);
        }
        temporary.toFile().deleteOnExit(); // also on Ctrl-C: shutdown hooks run
        return new AtomicOutput(real, temporary, channel);
    }

    /** Where to write; closed by {@link #commit()} or {@link #close()}, not by the caller. */
    public OutputStream stream() {
        return stream;
    }

    /** Flushes to disk and puts the file in place of the target. */
    public void commit() throws IOException {
        stream.flush();
        channel.force(true);
        stream.close();
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        done = true;
    }

    /** Without {@link #commit()}: removes the temporary file; the target is untouched. */
    @Override
    public void close() throws IOException {
        if (done) {
            return;
        }
        done = true;
        try {
            stream.close();
        } catch (IOException ignored) {
            // the write already failed; what matters is removing the partial file
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
