package com.landki.interview.store.internal;

import com.landki.interview.store.StoreException;
import com.landki.interview.store.internal.LogFiles.Rotated;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Which files make up a log right now: the rotated files (oldest first) and the active file with its committed
 * length, which only grows by complete lines. Readers take a {@link Snapshot} of both under one monitor, so a
 * rotation or a rename never shows them a line twice or not at all.
 *
 * <p>Writes to the active file and the replacement of the active file happen under {@link #writeLock()}; the
 * list of rotated files changes under the monitor. Thread-safe.
 */
final class Segments {

    /**
     * What a reader sees: the rotated files (oldest first) and the active file up to its committed length.
     * {@code activeGeneration} changes whenever the active file is replaced. Close it to close the channel.
     */
    record Snapshot(List<Rotated> rotated, FileChannel active, long activeLength, long activeGeneration)
            implements Closeable {
        @Override
        public void close() throws IOException {
            active.close();
        }
    }

    private final LogFiles files;
    private final ReentrantLock writeLock = new ReentrantLock();
    private FileChannel out;                           // guarded by the write lock
    private LocalDate activeDay;                       // guarded by the write lock
    private volatile long committed;                   // complete bytes in the active file
    private volatile boolean closed;

    private final Object monitor = new Object();      // guards the three fields below
    private List<Rotated> rotated;                     // oldest first, never mutated in place
    private long nextGeneration;
    private long activeGeneration;                     // also changed only under the write lock

    Segments(LogFiles files, List<Rotated> rotated, FileChannel out, long committed, LocalDate activeDay) {
        this.files = files;
        this.rotated = List.copyOf(rotated);
        this.nextGeneration = rotated.isEmpty() ? 1 : rotated.get(rotated.size() - 1).generation() + 1;
        this.out = out;
        this.committed = committed;
        this.activeDay = activeDay;
    }

    LogFiles files() {
        return files;
    }

    /** Held while the active file is written to or replaced. */
    ReentrantLock writeLock() {
        return writeLock;
    }

    // ---------------------------------------------------------------- under the write lock

    long committed() {
        return committed;
    }

    LocalDate activeDay() {
        return activeDay;
    }

    long activeGeneration() {
        return activeGeneration;
    }

    boolean closed() {
        return closed;
    }

    /**
     * Writes {@code buf} after the committed length and syncs the data when {@code fsync}. A failed write is
     * cut back, so the next write starts on a clean line and nothing half-written is ever committed.
     */
    void write(ByteBuffer buf, boolean fsync) throws IOException {
        long start = committed;
        long pos = start;
        try {
            while (buf.hasRemaining()) {
                pos += out.write(buf, pos);
            }
            if (fsync) {
                out.force(false);
            }
        } catch (IOException e) {
            try {
                out.truncate(start);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        committed = pos;
    }

    /** Renames the active file to the next generation, starts an empty one begun on {@code today}. */
    Path rotate(LocalDate today) throws IOException {
        out.force(true);
        Path target;
        synchronized (monitor) {
            long generation = nextGeneration++;
            target = files.rotated(activeDay, generation);
            Files.move(files.active(), target, StandardCopyOption.ATOMIC_MOVE);
            FileChannel fresh = FileChannel.open(files.active(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            out.close();
            out = fresh;
            committed = 0;
            activeGeneration++;
            List<Rotated> next = new ArrayList<>(rotated);
            next.add(new Rotated(target, generation));
            rotated = List.copyOf(next);
        }
        activeDay = today;
        files.syncDir();
        return target;
    }

    /** Renames {@code temp} (a complete, synced rewrite of the active file) over the active file. */
    void replaceActive(Path temp) throws IOException {
        synchronized (monitor) {
            Files.move(temp, files.active(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            FileChannel fresh = FileChannel.open(files.active(), StandardOpenOption.WRITE, StandardOpenOption.READ);
            out.close();
            out = fresh;
            committed = fresh.size();
            activeGeneration++;
        }
        files.syncDir();
    }

    /** Forces the active file to disk and closes it; later snapshots fail. Idempotent. */
    void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.force(true);
        } finally {
            out.close();
        }
    }

    /** Closes the active file without syncing, after a failed open. */
    void abandon() throws IOException {
        closed = true;
        out.close();
    }

    // ---------------------------------------------------------------- any thread

    Snapshot snapshot() {
        if (closed) {
            throw new StoreException(files.active() + " is closed");
        }
        try {
            synchronized (monitor) {
                return new Snapshot(rotated, FileChannel.open(files.active(), StandardOpenOption.READ), committed,
                        activeGeneration);
            }
        } catch (IOException e) {
            throw new StoreException("cannot read " + files.active() + ": " + e, e);
        }
    }

    /** The rotated files, oldest first; an immutable list. */
    List<Rotated> rotated() {
        synchronized (monitor) {
            return rotated;
        }
    }

    /**
     * Renames {@code temp} (a complete, synced rewrite of {@code r}) over {@code r}, unless retention deleted
     * {@code r} meanwhile; returns whether it did.
     */
    boolean replaceRotated(Rotated r, Path temp) throws IOException {
        synchronized (monitor) {
            if (!rotated.contains(r)) {
                return false;
            }
            Files.move(temp, r.path(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        files.syncDir();
        return true;
    }

    /** Takes the oldest rotated file out of the list (readers with an older snapshot may still open it). */
    void dropOldest(Rotated oldest) {
        synchronized (monitor) {
            if (!rotated.isEmpty() && rotated.get(0).equals(oldest)) {
                rotated = List.copyOf(rotated.subList(1, rotated.size()));
            }
        }
    }
}
