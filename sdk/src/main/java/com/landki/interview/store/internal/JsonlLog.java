package com.landki.interview.store.internal;

import com.landki.interview.store.Durability;
import com.landki.interview.store.StoreException;
import com.landki.interview.store.StoreLockedException;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only log of values, one per line, in a directory this process owns: the active file
 * ({@code <name>}, e.g. {@code feedback.jsonl}) plus rotated files ({@code feedback-20261126-000001.jsonl},
 * generation numbers grow, higher = newer) and a lock file ({@code feedback.jsonl.lock}).
 *
 * <ul>
 *   <li><b>Appends</b> are group-committed: each appender queues its encoded line; one appender at a time leads
 *   and writes everything queued in one {@code write} (and one {@code fdatasync} in {@link Durability#FSYNC}
 *   mode); the others wait for their batch and return. When {@link #append} returns, the line is in the OS
 *   (or on disk). Lines never interleave because only the lock holder writes.</li>
 *   <li><b>Reads</b> work on a snapshot (the rotated files and the committed length of the active file), so they
 *   run beside appends, rotation and erasure without locks; {@link #newest} reads the file backwards, so its
 *   cost grows with {@code n}, not with the file size.</li>
 *   <li><b>Open</b> takes the lock file (a second process is refused), cuts a torn last line back to the last
 *   complete record, removes temp files of an interrupted erasure and replays every value to the
 *   {@link Listener}.</li>
 *   <li><b>Rotation</b> (by size and/or day) renames the active file while holding the write lock, so no
 *   append is lost or duplicated; retention deletes the oldest rotated files beyond the configured count.</li>
 *   <li><b>Erasure</b> ({@link #removeIf}) rewrites only the files holding a match into a temp file and renames
 *   it over the original; the active file's tail is finished under the write lock, so concurrent appends are
 *   kept.</li>
 * </ul>
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
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int BACKWARD_CHUNK = 16 * 1024;

    private final Path dir;
    private final Path active;
    private final String stem;
    private final String ext;
    private final Pattern rotatedName;
    private final Codec<T> codec;
    private final Options options;
    private final Listener<T> listener;
    private final FileChannel lockChannel;
    private final FileLock fileLock;

    // Group commit: appenders queue lines in `filling`; one of them at a time is the leader and writes whole
    // batches; the others wait on their own batch's condition, so a finished batch wakes only its members.
    private final ReentrantLock queueLock = new ReentrantLock();
    private Batch filling = new Batch(queueLock);                 // guarded by queueLock
    private boolean leaderActive;                                 // guarded by queueLock

    private final ReentrantLock writeLock = new ReentrantLock();
    private FileChannel out;                                      // guarded by writeLock
    private ByteBuffer writeBuffer = ByteBuffer.allocateDirect(64 * 1024); // guarded by writeLock
    private LocalDate activeDay;                                  // guarded by writeLock
    private volatile long committed;                              // complete bytes in the active file
    private volatile boolean closed;

    private final Object segments = new Object();                 // guards the three fields below
    private List<Rotated> rotated;                                // oldest first, never mutated in place
    private long nextGeneration;
    private long activeGeneration;                                // changes when the active file is replaced

    private final ReentrantLock maintenanceLock = new ReentrantLock(); // erasure and retention, one at a time

    /** Lines that go to the file in one write. Fields guarded by queueLock, except during the write itself. */
    private static final class Batch {
        final List<byte[]> lines = new ArrayList<>();
        final Condition finished;
        int bytes;
        boolean done;
        StoreException failure;

        Batch(ReentrantLock lock) {
            this.finished = lock.newCondition();
        }
    }

    /** A leader writes at most this many batches in a row before handing over, so no caller waits forever. */
    private static final int MAX_LEADER_ROUNDS = 8;

    private record Rotated(Path path, long generation) {
    }

    private JsonlLog(Path dir, String fileName, Codec<T> codec, Options options, Listener<T> listener)
            throws IOException {
        this.dir = dir;
        this.active = dir.resolve(fileName);
        int dot = fileName.lastIndexOf('.');
        this.stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        this.ext = dot > 0 ? fileName.substring(dot) : "";
        this.rotatedName = Pattern.compile(Pattern.quote(stem) + "-(\\d{8})-(\\d+)" + Pattern.quote(ext));
        this.codec = codec;
        this.options = options;
        this.listener = listener;
        Files.createDirectories(dir);
        Path lockPath = dir.resolve(fileName + ".lock");
        this.lockChannel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        this.fileLock = acquire(lockPath);
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
        JsonlLog<T> log;
        try {
            log = new JsonlLog<>(dir, fileName, codec, options, listener);
        } catch (IOException e) {
            throw new StoreException("cannot open " + dir.resolve(fileName) + ": " + e + " (check that "
                    + dir.toAbsolutePath() + " exists and is writable)", e);
        }
        try {
            log.recover();
            return log;
        } catch (IOException | RuntimeException e) {
            log.releaseLock();
            if (e instanceof StoreException) {
                throw (StoreException) e;
            }
            throw new StoreException("cannot open " + log.active + ": " + e, e);
        }
    }

    private FileLock acquire(Path lockPath) throws IOException {
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lockChannel.close();
            throw new StoreLockedException(active + " is already open in this process (lock file " + lockPath
                    + "); share one store instead of opening the directory twice");
        }
        if (lock == null) {
            String holder = readHolder();
            lockChannel.close();
            throw new StoreLockedException(active + " is in use by another process" + holder + " (lock file "
                    + lockPath + "); stop that server or give this one another INTERVIEW_LOG_DIR");
        }
        lockChannel.truncate(0);
        lockChannel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
                0);
        return lock;
    }

    private String readHolder() {
        try {
            ByteBuffer b = ByteBuffer.allocate(32);
            lockChannel.read(b, 0);
            String pid = new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).trim();
            return pid.isEmpty() ? "" : " (pid " + pid + ")";
        } catch (IOException e) {
            return " (pid unknown: " + e.getMessage() + ")";
        }
    }

    private void recover() throws IOException {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, stem + "*" + ext + ".tmp")) {
            for (Path t : temps) {
                LOG.warn("removing {} left by an interrupted erasure", t);
                Files.deleteIfExists(t);
            }
        }
        List<Rotated> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, stem + "-*" + ext)) {
            for (Path p : files) {
                Matcher m = rotatedName.matcher(p.getFileName().toString());
                if (m.matches()) {
                    found.add(new Rotated(p, Long.parseLong(m.group(2))));
                }
            }
        }
        found.sort((a, b) -> Long.compare(a.generation, b.generation));
        rotated = List.copyOf(found);
        nextGeneration = found.isEmpty() ? 1 : found.get(found.size() - 1).generation + 1;
        out = FileChannel.open(active, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        committed = repairTail(out);
        ZoneId zone = options.clock().getZone();
        activeDay = committed == 0 ? today()
                : LocalDate.ofInstant(Files.getLastModifiedTime(active).toInstant(), zone);
        if (listener != null) {
            try (Stream<T> all = stream()) {
                all.forEach(listener::added);
            }
        }
    }

    /** Cuts an incomplete last line (a crash mid-write) back to the last {@code \n}; returns the new size. */
    private long repairTail(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size == 0 || BackwardScan.lastByte(ch, size) == '\n') {
            return size;
        }
        long keep = 0;
        long end = size;
        ByteBuffer b = ByteBuffer.allocate(BACKWARD_CHUNK);
        search:
        while (end > 0) {
            int len = (int) Math.min(BACKWARD_CHUNK, end);
            b.clear().limit(len);
            BackwardScan.readFully(ch, b, end - len);
            for (int i = len - 1; i >= 0; i--) {
                if (b.get(i) == '\n') {
                    keep = end - len + i + 1;
                    break search;
                }
            }
            end -= len;
        }
        ch.truncate(keep);
        ch.force(true);
        LOG.warn("{}: cut a torn last line of {} bytes left by a crash; {} bytes of complete records kept",
                active, size - keep, keep);
        return keep;
    }

    // ---------------------------------------------------------------- appends

    /**
     * Appends one value. Returns once its line is written (and synced in {@link Durability#FSYNC} mode).
     *
     * @throws StoreException the write failed; the line is not in the file (a partial write is cut back)
     */
    public void append(T value) {
        byte[] line = codec.encode(value);
        Batch mine;
        boolean leader = false;
        queueLock.lock();
        try {
            mine = filling;
            mine.lines.add(line);
            mine.bytes += line.length + 1;
            while (!mine.done && leaderActive) {
                mine.finished.awaitUninterruptibly();
            }
            if (!mine.done) {
                leaderActive = true;
                leader = true;
            }
        } finally {
            queueLock.unlock();
        }
        if (leader) {
            lead(mine);
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        if (listener != null) {
            listener.added(value);
        }
        if (options.retentionFiles() > 0 && rotatedCount() > options.retentionFiles()) {
            applyRetention();
        }
    }

    /**
     * Writes batches until nothing is queued (or {@link #MAX_LEADER_ROUNDS}), then steps down. Staying on while
     * others queue up saves a thread hand-over per batch, which matters most when each batch waits for fsync.
     */
    private void lead(Batch mine) {
        int rounds = 0;
        boolean stepDown = false;
        try {
            while (true) {
                Batch batch;
                queueLock.lock();
                try {
                    batch = filling;
                    if (batch.lines.isEmpty() || (mine.done && rounds >= MAX_LEADER_ROUNDS)) {
                        leaderActive = false;
                        stepDown = true;
                        batch.finished.signalAll();      // one of them becomes the next leader
                        return;
                    }
                    filling = new Batch(queueLock);
                } finally {
                    queueLock.unlock();
                }
                boolean returned = false;
                try {
                    writeLock.lock();
                    try {
                        writeBatch(batch);
                        returned = true;
                    } finally {
                        writeLock.unlock();
                    }
                } finally {
                    queueLock.lock();
                    try {
                        if (!returned) {                  // members must not wait forever nor think it worked
                            batch.failure = new StoreException("append to " + active + " failed unexpectedly");
                        }
                        batch.done = true;
                        batch.finished.signalAll();
                    } finally {
                        queueLock.unlock();
                    }
                }
                rounds++;
            }
        } finally {
            if (!stepDown) {                              // an Error escaped: never leave the queue leaderless
                queueLock.lock();
                try {
                    leaderActive = false;
                    filling.finished.signalAll();
                } finally {
                    queueLock.unlock();
                }
            }
        }
    }

    private void writeBatch(Batch batch) {
        if (closed) {
            batch.failure = new StoreException(active + " is closed");
            return;
        }
        try {
            maybeRotate(batch.bytes);
            ByteBuffer buf = bufferFor(batch);
            long start = committed;
            long pos = start;
            try {
                while (buf.hasRemaining()) {
                    pos += out.write(buf, pos);
                }
                if (options.durability() == Durability.FSYNC) {
                    out.force(false);
                }
            } catch (IOException e) {
                cutBack(start, e);
                throw e;
            }
            committed = pos;
        } catch (IOException e) {
            batch.failure = new StoreException("cannot append to " + active + ": " + e
                    + " (check free disk space and permissions)", e);
        }
    }

    /** A failed write may have left part of a line: cut it so the next append starts on a clean line. */
    private void cutBack(long size, IOException cause) {
        try {
            out.truncate(size);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    private ByteBuffer bufferFor(Batch batch) {
        if (writeBuffer.capacity() < batch.bytes) {
            writeBuffer = ByteBuffer.allocateDirect(Math.max(batch.bytes, writeBuffer.capacity() * 2));
        }
        ByteBuffer buf = writeBuffer.clear();
        for (byte[] line : batch.lines) {
            buf.put(line).put((byte) '\n');
        }
        return buf.flip();
    }

    // ---------------------------------------------------------------- rotation and retention

    private LocalDate today() {
        return LocalDate.now(options.clock());
    }

    private void maybeRotate(int incoming) throws IOException {
        long size = committed;
        if (size == 0) {
            return;
        }
        boolean bySize = options.rotateMaxBytes() > 0 && size + incoming > options.rotateMaxBytes();
        boolean byDay = options.rotateDaily() && !today().equals(activeDay);
        if (bySize || byDay) {
            rotate();
        }
    }

    /** Renames the active file to the next generation and starts a new one. Caller holds the write lock. */
    private void rotate() throws IOException {
        out.force(true);
        Path target;
        synchronized (segments) {
            long generation = nextGeneration++;
            target = dir.resolve(String.format("%s-%s-%06d%s", stem, activeDay.format(DAY), generation, ext));
            Files.move(active, target, StandardCopyOption.ATOMIC_MOVE);
            FileChannel fresh = FileChannel.open(active, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            out.close();
            out = fresh;
            committed = 0;
            activeGeneration++;
            List<Rotated> next = new ArrayList<>(rotated);
            next.add(new Rotated(target, generation));
            rotated = List.copyOf(next);
        }
        activeDay = today();
        syncDir();
        LOG.info("rotated {} to {}", active, target.getFileName());
    }

    private int rotatedCount() {
        synchronized (segments) {
            return rotated.size();
        }
    }

    /** Deletes the oldest rotated files beyond the retention count, telling the listener what left. */
    private void applyRetention() {
        maintenanceLock.lock();
        try {
            while (true) {
                Rotated oldest;
                synchronized (segments) {
                    if (rotated.size() <= options.retentionFiles()) {
                        return;
                    }
                    oldest = rotated.get(0);
                }
                if (listener != null) {
                    forEachIn(oldest.path, listener::removed);
                }
                synchronized (segments) {
                    rotated = List.copyOf(rotated.subList(1, rotated.size()));
                }
                Files.deleteIfExists(oldest.path);
                LOG.info("retention: deleted {} (keeping {} rotated files)", oldest.path.getFileName(),
                        options.retentionFiles());
            }
        } catch (IOException e) {
            // the append that triggered this succeeded; the next rotation tries again
            LOG.warn("retention: cannot delete an old file of {}: {}", active, e.toString());
        } finally {
            maintenanceLock.unlock();
        }
    }

    private void forEachIn(Path file, Consumer<T> action) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            LineReader r = new LineReader(ch, 0, ch.size());
            while (r.next()) {
                T v = decode(r.buf(), r.off(), r.len(), file, r.offset());
                if (v != null) {
                    action.accept(v);
                }
            }
        }
    }

    private void syncDir() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory for sync; the rename itself is still atomic there.
            LOG.debug("cannot sync directory {}: {}", dir, e.toString());
        }
    }

    // ---------------------------------------------------------------- reads

    /** What a reader sees: rotated files (oldest first) and the active file up to its committed length. */
    private final class Snapshot implements Closeable {
        final List<Rotated> files;
        final FileChannel activeChannel;
        final long activeLength;

        Snapshot() throws IOException {
            synchronized (segments) {
                files = rotated;
                activeLength = committed;
                activeChannel = FileChannel.open(active, StandardOpenOption.READ);
            }
        }

        @Override
        public void close() throws IOException {
            activeChannel.close();
        }
    }

    private Snapshot snapshot() {
        if (closed) {
            throw new StoreException(active + " is closed");
        }
        try {
            return new Snapshot();
        } catch (IOException e) {
            throw new StoreException("cannot read " + active + ": " + e, e);
        }
    }

    /** Opens a rotated file, or null when retention deleted it after the snapshot was taken. */
    private static FileChannel openRotated(Path p) throws IOException {
        try {
            return FileChannel.open(p, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The newest {@code n} values, newest first, read backwards from the end. */
    public List<T> newest(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was: " + n);
        }
        List<T> result = new ArrayList<>(Math.min(n, 1024));
        if (n == 0) {
            return result;
        }
        try (Snapshot s = snapshot()) {
            BackwardScan.read(s.activeChannel, s.activeLength, active, n, result, this::decode);
            for (int i = s.files.size() - 1; i >= 0 && result.size() < n; i--) {
                Path p = s.files.get(i).path;
                try (FileChannel ch = openRotated(p)) {
                    if (ch != null) {
                        BackwardScan.read(ch, ch.size(), p, n, result, this::decode);
                    }
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot read " + active + ": " + e, e);
        }
        return result;
    }

    private T decode(byte[] buf, int off, int len, Path file, long offset) {
        if (len == 0) {
            return null;
        }
        try {
            return codec.decode(buf, off, len);
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: skipping an unreadable line at byte {}: {}", file, offset, e.toString());
            return null;
        }
    }

    /** Every value, oldest first, read lazily across rotated files and the active file. Close the stream. */
    public Stream<T> stream() {
        Snapshot s = snapshot();
        ForwardIterator it = new ForwardIterator(s);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(it::close);
    }

    private final class ForwardIterator implements Iterator<T> {
        private final Snapshot snapshot;
        private int fileIndex;           // next rotated file; files.size() = the active file
        private FileChannel current;
        private Path currentPath;
        private LineReader reader;
        private T next;
        private boolean done;

        ForwardIterator(Snapshot snapshot) {
            this.snapshot = snapshot;
        }

        @Override
        public boolean hasNext() {
            try {
                while (next == null && !done) {
                    if (reader != null && reader.next()) {
                        next = decode(reader.buf(), reader.off(), reader.len(), currentPath, reader.offset());
                    } else if (!openNext()) {
                        done = true;
                    }
                }
                return next != null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + currentPath, e);
            }
        }

        private boolean openNext() throws IOException {
            closeCurrent();
            while (fileIndex < snapshot.files.size()) {
                Path p = snapshot.files.get(fileIndex++).path;
                FileChannel ch = openRotated(p);
                if (ch != null) {
                    current = ch;
                    currentPath = p;
                    reader = new LineReader(ch, 0, ch.size());
                    return true;
                }
            }
            if (fileIndex == snapshot.files.size()) {
                fileIndex++;
                currentPath = active;
                reader = new LineReader(snapshot.activeChannel, 0, snapshot.activeLength);
                return true;
            }
            return false;
        }

        private void closeCurrent() throws IOException {
            if (current != null) {
                current.close();
                current = null;
            }
            reader = null;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            T v = next;
            next = null;
            return v;
        }

        void close() {
            try {
                closeCurrent();
                snapshot.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // ---------------------------------------------------------------- erasure

    /**
     * Removes every value that {@code match} accepts, file by file: a file with a match is copied without the
     * matching lines to a temp file, synced, and renamed over the original; files without a match are not
     * touched. Appends continue meanwhile (the active file's last part is copied under the write lock).
     *
     * @param hint when non-null, only lines containing these bytes are decoded and tested (a fast pre-filter;
     *             it must occur in every matching line)
     * @return the number of values removed
     */
    public long removeIf(Predicate<T> match, byte[] hint) {
        maintenanceLock.lock();
        try {
            Set<Long> done = new HashSet<>();
            long removed = 0;
            while (true) {
                List<Rotated> files;
                synchronized (segments) {
                    files = rotated;
                }
                for (Rotated r : files) {
                    if (done.add(r.generation)) {
                        removed += eraseRotated(r, match, hint);
                    }
                }
                long fromActive = eraseActive(match, hint);
                if (fromActive >= 0) {
                    return removed + fromActive;
                }
                // the active file rotated while we read it: it is now a rotated file, go round again
            }
        } catch (IOException e) {
            throw new StoreException("erasure in " + active + " failed: " + e + "; the files are unchanged", e);
        } finally {
            maintenanceLock.unlock();
        }
    }

    private long eraseRotated(Rotated r, Predicate<T> match, byte[] hint) throws IOException {
        FileChannel src = openRotated(r.path);
        if (src == null) {
            return 0;
        }
        try (src; LineRewrite<T> w = new LineRewrite<>(r.path, match, hint, this::decode)) {
            w.scan(src, 0, src.size());
            if (w.removed().isEmpty()) {
                return 0;
            }
            w.finish(src, src.size());
            synchronized (segments) {
                if (!rotated.contains(r)) {
                    return 0;
                }
                Files.move(w.temp(), r.path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDir();
            return report(w.removed());
        }
    }

    /** Returns the number removed, or -1 when the active file was rotated meanwhile. */
    private long eraseActive(Predicate<T> match, byte[] hint) throws IOException {
        long generation;
        long firstPart;
        FileChannel src;
        synchronized (segments) {
            generation = activeGeneration;
            firstPart = committed;
            src = FileChannel.open(active, StandardOpenOption.READ);
        }
        try (src; LineRewrite<T> w = new LineRewrite<>(active, match, hint, this::decode)) {
            w.scan(src, 0, firstPart);               // the bulk, while appends go on
            writeLock.lock();
            try {
                if (activeGeneration != generation) {
                    return -1;
                }
                long end = committed;
                w.scan(src, firstPart, end);         // what was appended meanwhile
                if (w.removed().isEmpty()) {
                    return 0;
                }
                w.finish(src, end);
                synchronized (segments) {
                    Files.move(w.temp(), active, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    FileChannel fresh = FileChannel.open(active, StandardOpenOption.WRITE, StandardOpenOption.READ);
                    out.close();
                    out = fresh;
                    committed = fresh.size();
                    activeGeneration++;
                }
                syncDir();
            } finally {
                writeLock.unlock();
            }
            return report(w.removed());
        }
    }

    private long report(List<T> removed) {
        if (listener != null) {
            removed.forEach(listener::removed);
        }
        return removed.size();
    }

    // ---------------------------------------------------------------- misc

    /** The active file. */
    public Path path() {
        return active;
    }

    /** The rotated files, oldest first. */
    public List<Path> rotatedFiles() {
        synchronized (segments) {
            List<Path> paths = new ArrayList<>();
            rotated.forEach(r -> paths.add(r.path));
            return Collections.unmodifiableList(paths);
        }
    }

    /** Forces the active file to disk and releases the lock file. Later appends and reads fail. */
    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                out.force(true);
            } catch (IOException e) {
                throw new StoreException("cannot close " + active + ": " + e, e);
            } finally {
                releaseLock();
            }
        } finally {
            writeLock.unlock();
        }
    }

    private void releaseLock() {
        try {
            if (out != null && out.isOpen()) {
                out.close();
            }
            fileLock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.warn("cannot release the lock file of {}: {}", active, e.toString());
        }
    }
}
