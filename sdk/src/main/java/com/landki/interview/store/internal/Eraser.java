package com.landki.interview.store.internal;

import com.landki.interview.store.StoreException;
import com.landki.interview.store.internal.LogFiles.Rotated;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Erasure: removes every value a predicate accepts, file by file. A file with a match is copied without the
 * matching lines to a temp file ({@link LineRewrite}), synced, and renamed over the original; files without a
 * match are not touched. Appends continue meanwhile: the bulk of the active file is copied without locks and
 * only the part appended since is copied under the write lock, just before the rename. Thread-safe; one erasure
 * at a time.
 */
final class Eraser<T> {

    private final Segments segments;
    private final LineDecoder<T> decoder;
    private final JsonlLog.Listener<T> listener;
    private final ReentrantLock maintenance;

    /**
     * @param listener    told about every removed value; may be null
     * @param maintenance held while erasing; retention holds it too, so the two take turns
     */
    Eraser(Segments segments, LineDecoder<T> decoder, JsonlLog.Listener<T> listener, ReentrantLock maintenance) {
        this.segments = segments;
        this.decoder = decoder;
        this.listener = listener;
        this.maintenance = maintenance;
    }

    /**
     * @param hint when non-null, only lines containing these bytes are decoded and tested (a fast pre-filter;
     *             it must occur in every matching line)
     * @return the number of values removed
     * @throws StoreException a file could not be read or rewritten; that file is unchanged
     */
    long removeIf(Predicate<T> match, byte[] hint) {
        maintenance.lock();
        try {
            Set<Long> done = new HashSet<>();
            long removed = 0;
            while (true) {
                for (Rotated r : segments.rotated()) {
                    if (done.add(r.generation())) {
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
            throw new StoreException("erasure in " + segments.files().active() + " failed: " + e
                    + "; the files are unchanged", e);
        } finally {
            maintenance.unlock();
        }
    }

    private long eraseRotated(Rotated r, Predicate<T> match, byte[] hint) throws IOException {
        FileChannel src = SnapshotReader.openRotated(r.path());
        if (src == null) {
            return 0;
        }
        try (src; LineRewrite<T> w = new LineRewrite<>(r.path(), match, hint, decoder)) {
            w.scan(src, 0, src.size());
            if (w.removed().isEmpty()) {
                return 0;
            }
            w.finish(src, src.size());
            return segments.replaceRotated(r, w.temp()) ? report(w.removed()) : 0;
        }
    }

    /** Returns the number removed, or -1 when the active file was rotated meanwhile. */
    private long eraseActive(Predicate<T> match, byte[] hint) throws IOException {
        try (Segments.Snapshot s = segments.snapshot();
             LineRewrite<T> w = new LineRewrite<>(segments.files().active(), match, hint, decoder)) {
            FileChannel src = s.active();
            w.scan(src, 0, s.activeLength());                // the bulk, while appends go on
            segments.writeLock().lock();
            try {
                if (segments.closed()) {
                    throw new StoreException(segments.files().active() + " is closed");
                }
                if (segments.activeGeneration() != s.activeGeneration()) {
                    return -1;
                }
                long end = segments.committed();
                w.scan(src, s.activeLength(), end);          // what was appended meanwhile
                if (w.removed().isEmpty()) {
                    return 0;
                }
                w.finish(src, end);
                segments.replaceActive(w.temp());
            } finally {
                segments.writeLock().unlock();
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
}
