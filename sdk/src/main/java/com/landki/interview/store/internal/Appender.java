package com.landki.interview.store.internal;

import com.landki.interview.store.Durability;
import com.landki.interview.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Appends lines to the active file through {@link GroupCommit}: each batch is rotated into a new file first
 * when {@link Rotation} says so, then written in one {@code write} after the committed length (and synced
 * with one {@code fdatasync} in {@link Durability#FSYNC} mode). When {@link #append} returns, the line is in the
 * OS (or on disk). Thread-safe.
 */
final class Appender {

    private final Segments segments;
    private final Rotation<?> rotation;
    private final boolean fsync;
    private final GroupCommit commits;
    private ByteBuffer writeBuffer = ByteBuffer.allocateDirect(64 * 1024); // guarded by the write lock

    Appender(Segments segments, Rotation<?> rotation, Durability durability) {
        this.segments = segments;
        this.rotation = rotation;
        this.fsync = durability == Durability.FSYNC;
        this.commits = new GroupCommit(this::writeBatch, segments.files().active().toString());
    }

    /**
     * Appends one encoded line (without {@code \n}); returns once it is written (and synced in fsync mode).
     *
     * @throws StoreException the write failed; the line is not in the file (a partial write is cut back)
     */
    void append(byte[] line) {
        commits.submit(line);
    }

    private void writeBatch(List<byte[]> lines, int bytes) {
        segments.writeLock().lock();
        try {
            if (segments.closed()) {
                throw new StoreException(segments.files().active() + " is closed");
            }
            try {
                rotation.beforeWrite(bytes);
                segments.write(bufferFor(lines, bytes), fsync);
            } catch (IOException e) {
                throw new StoreException("cannot append to " + segments.files().active() + ": " + e
                        + " (check free disk space and permissions)", e);
            }
        } finally {
            segments.writeLock().unlock();
        }
    }

    private ByteBuffer bufferFor(List<byte[]> lines, int bytes) {
        if (writeBuffer.capacity() < bytes) {
            writeBuffer = ByteBuffer.allocateDirect(Math.max(bytes, writeBuffer.capacity() * 2));
        }
        ByteBuffer buf = writeBuffer.clear();
        for (byte[] line : lines) {
            buf.put(line).put((byte) '\n');
        }
        return buf.flip();
    }
}
