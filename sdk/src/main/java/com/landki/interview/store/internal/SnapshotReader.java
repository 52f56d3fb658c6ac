package com.landki.interview.store.internal;

import com.landki.interview.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads a log on a {@link Segments.Snapshot} (the rotated files and the committed length of the active file),
 * so reads run beside appends, rotation and erasure without locks. {@link #newest} reads backwards, so its
 * cost grows with {@code n}, not with the file size. A rotated file that retention deleted after the snapshot
 * was taken is skipped. Thread-safe.
 */
final class SnapshotReader<T> {

    private final Segments segments;
    private final LineDecoder<T> decoder;

    SnapshotReader(Segments segments, LineDecoder<T> decoder) {
        this.segments = segments;
        this.decoder = decoder;
    }

    /** The newest {@code n} values, newest first. */
    List<T> newest(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was: " + n);
        }
        List<T> result = new ArrayList<>(Math.min(n, 1024));
        if (n == 0) {
            return result;
        }
        Path active = segments.files().active();
        try (Segments.Snapshot s = segments.snapshot()) {
            BackwardScan.read(s.active(), s.activeLength(), active, n, result, decoder);
            for (int i = s.rotated().size() - 1; i >= 0 && result.size() < n; i--) {
                Path p = s.rotated().get(i).path();
                try (FileChannel ch = openRotated(p)) {
                    if (ch != null) {
                        BackwardScan.read(ch, ch.size(), p, n, result, decoder);
                    }
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot read " + active + ": " + e, e);
        }
        return result;
    }

    /** Every value, oldest first, read lazily across rotated files and the active file. Close the stream. */
    Stream<T> stream() {
        ForwardIterator it = new ForwardIterator(segments.snapshot());
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(it::close);
    }

    /** Every value of one whole file, oldest first. */
    void forEachIn(Path file, Consumer<T> action) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            LineReader r = new LineReader(ch, 0, ch.size());
            while (r.next()) {
                T v = decoder.decode(r.buf(), r.off(), r.len(), file, r.offset());
                if (v != null) {
                    action.accept(v);
                }
            }
        }
    }

    /** Opens a rotated file, or returns null when retention deleted it after the snapshot was taken. */
    static FileChannel openRotated(Path p) throws IOException {
        try {
            return FileChannel.open(p, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private final class ForwardIterator implements Iterator<T> {
        private final Segments.Snapshot snapshot;
        private int fileIndex;           // next rotated file; rotated.size() = the active file
        private FileChannel current;
        private Path currentPath;
        private LineReader reader;
        private T next;
        private boolean done;

        ForwardIterator(Segments.Snapshot snapshot) {
            this.snapshot = snapshot;
        }

        @Override
        public boolean hasNext() {
            try {
                while (next == null && !done) {
                    if (reader != null && reader.next()) {
                        next = decoder.decode(reader.buf(), reader.off(), reader.len(), currentPath,
                                reader.offset());
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
            List<LogFiles.Rotated> files = snapshot.rotated();
            while (fileIndex < files.size()) {
                Path p = files.get(fileIndex++).path();
                FileChannel ch = openRotated(p);
                if (ch != null) {
                    current = ch;
                    currentPath = p;
                    reader = new LineReader(ch, 0, ch.size());
                    return true;
                }
            }
            if (fileIndex == files.size()) {
                fileIndex++;
                currentPath = segments.files().active();
                reader = new LineReader(snapshot.active(), 0, snapshot.activeLength());
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
}
