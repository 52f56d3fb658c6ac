package com.landki.interview.store.internal;

import com.landki.interview.store.Durability;
import com.landki.interview.store.StoreException;
import com.landki.interview.store.StoreLockedException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only log of values, one per line, in a directory this process owns: the active file
 * ({@code <name>}, e.g. {@code feedback.jsonl}) plus rotated files ({@code feedback-20261126-000001.jsonl},
 * generation numbers grow, higher = newer) and a lock file ({@code feedback.jsonl.lock}). Each concern has its
 * own class; this one opens, wires and closes them:
 *
 * <ul>
 *   <li>{@link LockFile} — a second opener, in this process or another, is refused.</li>
 *   <li>{@link Recovery} — at open, a torn last line is cut back and temp files of an interrupted erasure are
 *   removed; then every value is replayed to the {@link Listener}.</li>
 *   <li>{@link Appender} over {@link GroupCommit} — appends are group-committed; when {@link #append} returns,
 *   the line is in the OS (or on disk in {@link Durability#FSYNC} mode).</li>
 *   <li>{@link Rotation} — by size and/or day, and retention of the newest rotated files.</li>
 *   <li>{@link SnapshotReader} — newest-first and streamed reads beside appends, without locks.</li>
 *   <li>{@link Eraser} — rewrites only the files holding a match, while appends go on.</li>
 * </ul>
 * {@link Segments} is the state they share: which files make up the log right now.
 *
 * <p>Thread-safe. Generic over the value type through a {@link Codec}, so other stores (e.g. ChatKit threads)
 * can reuse it.
 */
public final class JsonlLog<T> implements Closeable {

    /** Turns values into single lines and back. The encoded bytes must not contain {@code \n}. */
    public interface Codec<T> {
        byte[] encode(T value);

        T decode(byte[] buf, int off, int len) throws IOException;
    }

    /** Told about every value in the log: replayed at open, then on append, erasure and retention. */
    public interface Listener<T> {
        void added(T value);

        void removed(T value);
    }

    /**
     * @param durability     when an append returns
     * @param rotateMaxBytes rotate before the active file would grow past this; 0 = never by size
     * @param rotateDaily    rotate when the day (in the clock's zone) changed since the active file began
     * @param retentionFiles rotated files kept; 0 = all
     * @param clock          source of the day
     */
    public record Options(Durability durability, long rotateMaxBytes, boolean rotateDaily, int retentionFiles,
            Clock clock) {
        public Options {
            Objects.requireNonNull(durability, "durability");
            Objects.requireNonNull(clock, "clock");
        }

        public static Options of(Durability durability) {
            return new Options(durability, 0, false, 0, Clock.systemDefaultZone());
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(JsonlLog.class);

    private final Codec<T> codec;
    private final Listener<T> listener;
    private final LockFile lockFile;
    private final Segments segments;
    private final SnapshotReader<T> reader;
    private final Rotation<T> rotation;
    private final Appender appender;
    private final Eraser<T> eraser;

    private JsonlLog(Codec<T> codec, Options options, Listener<T> listener, LockFile lockFile, Segments segments) {
        this.codec = codec;
        this.listener = listener;
        this.lockFile = lockFile;
        this.segments = segments;
        LineDecoder<T> decoder = LineDecoder.skippingUnreadable(codec);
        ReentrantLock maintenance = new ReentrantLock();   // erasure and retention, one at a time
        this.reader = new SnapshotReader<>(segments, decoder);
        this.rotation = new Rotation<>(segments, options, reader, listener, maintenance);
        this.appender = new Appender(segments, rotation, options.durability());
        this.eraser = new Eraser<>(segments, decoder, listener, maintenance);
    }

    /**
     * Opens (creating if needed) the log {@code fileName} in {@code dir}.
     *
     * @param listener told about every value already in the log, then about changes; may be null
     * @throws StoreLockedException another process or another open log holds the lock file
     * @throws StoreException       the directory cannot be used
     */
    public static <T> JsonlLog<T> open(Path dir, String fileName, Codec<T> codec, Options options,
            Listener<T> listener) {
        LogFiles files = new LogFiles(dir, fileName);
        LockFile lock;
        try {
            Files.createDirectories(dir);
            lock = LockFile.acquire(files.lock(), files.active());
        } catch (IOException e) {
            throw new StoreException("cannot open " + files.active() + ": " + e + " (check that "
                    + dir.toAbsolutePath() + " exists and is writable)", e);
        }
        Segments segments = null;
        try {
            segments = Recovery.open(files, options.clock());
            JsonlLog<T> log = new JsonlLog<>(codec, options, listener, lock, segments);
            log.replay();
            return log;
        } catch (IOException | RuntimeException e) {
            release(lock, segments, files.active());
            if (e instanceof StoreException) {
                throw (StoreException) e;
            }
            throw new StoreException("cannot open " + files.active() + ": " + e, e);
        }
    }

    private void replay() {
        if (listener != null) {
            try (Stream<T> all = reader.stream()) {
                all.forEach(listener::added);
            }
        }
    }

    /**
     * Appends one value. Returns once its line is written (and synced in {@link Durability#FSYNC} mode).
     *
     * @throws StoreException the write failed; the line is not in the file (a partial write is cut back)
     */
    public void append(T value) {
        appender.append(codec.encode(value));
        if (listener != null) {
            listener.added(value);
        }
        rotation.afterAppend();
    }

    /** The newest {@code n} values, newest first, read backwards from the end. */
    public List<T> newest(int n) {
        return reader.newest(n);
    }

    /** Every value, oldest first, read lazily across rotated files and the active file. Close the stream. */
    public Stream<T> stream() {
        return reader.stream();
    }

    /**
     * Removes every value that {@code match} accepts, rewriting only the files that hold one; appends continue
     * meanwhile. See {@link Eraser}.
     *
     * @param hint when non-null, only lines containing these bytes are decoded and tested (a fast pre-filter;
     *             it must occur in every matching line)
     * @return the number of values removed
     */
    public long removeIf(Predicate<T> match, byte[] hint) {
        return eraser.removeIf(match, hint);
    }

    /** The active file. */
    public Path path() {
        return segments.files().active();
    }

    /** The rotated files, oldest first. */
    public List<Path> rotatedFiles() {
        List<Path> paths = new ArrayList<>();
        segments.rotated().forEach(r -> paths.add(r.path()));
        return Collections.unmodifiableList(paths);
    }

    /** Forces the active file to disk and releases the lock file. Later appends and reads fail. */
    @Override
    public void close() {
        segments.writeLock().lock();
        try {
            if (segments.closed()) {
                return;
            }
            try {
                segments.close();
            } catch (IOException e) {
                throw new StoreException("cannot close " + path() + ": " + e, e);
            } finally {
                release(lockFile, null, path());
            }
        } finally {
            segments.writeLock().unlock();
        }
    }

    private static void release(LockFile lock, Segments segments, Path active) {
        try {
            if (segments != null) {
                segments.abandon();
            }
            lock.release();
        } catch (IOException e) {
            LOG.warn("cannot release the lock file of {}: {}", active, e.toString());
        }
    }
}
