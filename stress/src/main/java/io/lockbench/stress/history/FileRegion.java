package io.lockbench.stress.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Bytes {@code from} (inclusive) to {@code to} (exclusive) of a file as a stream. Reads by
 * position, so several regions of one channel can be read at once from different threads.
 */
final class FileRegion extends InputStream {

    private final FileChannel channel;
    private final long to;
    private long position;

    FileRegion(FileChannel channel, long from, long to) {
        this.channel = channel;
        this.position = from;
        this.to = to;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position >= to) {
            return -1;
        }
        int n = channel.read(ByteBuffer.wrap(into, offset, (int) Math.min(length, to - position)), position);
        if (n < 0) {
            return -1;
        }
        position += n;
        return n;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }
}
