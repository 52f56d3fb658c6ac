package com.landki.interview.store.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the last lines of a file back to front in growing chunks (16 KiB up to 1 MiB), so reading the newest
 * {@code n} costs about {@code n} lines whatever the file size. Stateless; positional reads only, so the
 * channel may be shared and appended to meanwhile.
 */
final class BackwardScan {

    static final int CHUNK = 16 * 1024;
    private static final int MAX_CHUNK = 1024 * 1024;

    private BackwardScan() {
    }

    /** Decodes lines of {@code [0, length)} newest first into {@code result} until it holds {@code n}. */
    static <T> void read(FileChannel ch, long length, Path file, int n, List<T> result, LineDecoder<T> decoder)
            throws IOException {
        long end = length;
        if (end > 0 && lastByte(ch, end) == '\n') {
            end--;                       // the region is now lines separated by \n, the last one unterminated
        }
        byte[] tail = new byte[0];       // the start of a line whose beginning lies in an earlier chunk
        int chunk = CHUNK;
        while (end > 0 && result.size() < n) {
            int len = (int) Math.min(chunk, end);
            long start = end - len;
            byte[] buf = new byte[len + tail.length];
            readFully(ch, ByteBuffer.wrap(buf, 0, len), start);
            System.arraycopy(tail, 0, buf, len, tail.length);
            int lineEnd = buf.length;
            for (int i = buf.length - 1; i >= 0 && result.size() < n; i--) {
                if (buf[i] == '\n') {
                    addDecoded(buf, i + 1, lineEnd - i - 1, file, start + i + 1, result, decoder);
                    lineEnd = i;
                }
            }
            if (result.size() >= n) {
                return;
            }
            if (start == 0) {
                addDecoded(buf, 0, lineEnd, file, 0, result, decoder);
                return;
            }
            tail = Arrays.copyOf(buf, lineEnd);
            end = start;
            chunk = Math.min(chunk * 2, MAX_CHUNK);
        }
    }

    private static <T> void addDecoded(byte[] buf, int off, int len, Path file, long offset, List<T> result,
            LineDecoder<T> decoder) {
        if (len > 0) {
            T v = decoder.decode(buf, off, len, file, offset);
            if (v != null) {
                result.add(v);
            }
        }
    }

    static byte lastByte(FileChannel ch, long size) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        readFully(ch, one, size - 1);
        return one.get(0);
    }

    static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        long p = pos;
        while (b.hasRemaining()) {
            int n = ch.read(b, p);
            if (n < 0) {
                throw new IOException("file shrank while reading at " + p);
            }
            p += n;
        }
    }

}
