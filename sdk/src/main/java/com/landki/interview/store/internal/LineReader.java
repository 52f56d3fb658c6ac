package com.landki.interview.store.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads the {@code \n}-terminated lines of a byte range of a file, front to back, with positional reads (so
 * the channel may be shared and written meanwhile). After {@link #next()} returned true, {@link #buf()},
 * {@link #off()} and {@link #len()} hold the line without its terminator and {@link #offset()} its position in
 * the file. A last line without terminator is returned too. Not thread-safe.
 */
final class LineReader {

    private static final int CHUNK = 64 * 1024;

    private final FileChannel channel;
    private final long end;
    private long filePos;         // file offset of buf[0]
    private byte[] buf = new byte[CHUNK];
    private int filled;           // valid bytes in buf
    private int scan;             // where the next line starts in buf
    private int lineOff;
    private int lineLen;
    private long lineOffset;

    LineReader(FileChannel channel, long start, long end) {
        this.channel = channel;
        this.filePos = start;
        this.end = end;
    }

    boolean next() throws IOException {
        while (true) {
            for (int i = scan; i < filled; i++) {
                if (buf[i] == '\n') {
                    lineOff = scan;
                    lineLen = i - scan;
                    lineOffset = filePos + scan;
                    scan = i + 1;
                    return true;
                }
            }
            if (!fill()) {
                if (scan < filled) {  // last line without terminator
                    lineOff = scan;
                    lineLen = filled - scan;
                    lineOffset = filePos + scan;
                    scan = filled;
                    return true;
                }
                return false;
            }
        }
    }

    /** Moves the unread rest to the front, grows the buffer when one line fills it, and reads more. */
    private boolean fill() throws IOException {
        long readFrom = filePos + filled;
        if (readFrom >= end) {
            return false;
        }
        if (scan > 0) {
            System.arraycopy(buf, scan, buf, 0, filled - scan);
            filePos += scan;
            filled -= scan;
            scan = 0;
        }
        if (filled == buf.length) {
            byte[] bigger = new byte[buf.length * 2];
            System.arraycopy(buf, 0, bigger, 0, filled);
            buf = bigger;
        }
        int want = (int) Math.min(buf.length - filled, end - readFrom);
        ByteBuffer target = ByteBuffer.wrap(buf, filled, want);
        while (target.hasRemaining()) {
            int n = channel.read(target, readFrom + (target.position() - filled));
            if (n < 0) {
                break;
            }
        }
        int got = target.position() - filled;
        filled += got;
        return got > 0;
    }

    byte[] buf() {
        return buf;
    }

    int off() {
        return lineOff;
    }

    int len() {
        return lineLen;
    }

    long offset() {
        return lineOffset;
    }
}
