package com.landki.interview.store.internal;

import com.landki.interview.store.internal.LogFiles.Rotated;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rotation and retention of one log. Before a batch is written, the active file is renamed to the next
 * generation when the batch would grow it past the size limit or when the day (in the clock's zone) changed
 * since it began; it happens under the write lock, so no append is lost or duplicated. After an append,
 * retention deletes the oldest rotated files beyond the configured count and tells the listener what left.
 * Thread-safe.
 */
final class Rotation<T> {

    private static final Logger LOG = LoggerFactory.getLogger(Rotation.class);

    private final Segments segments;
    private final JsonlLog.Options options;
    private final SnapshotReader<T> reader;
    private final JsonlLog.Listener<T> listener;
    private final ReentrantLock maintenance;

    /**
     * @param listener    told about every value in a file that retention deletes; may be null
     * @param maintenance held while retention runs; erasure holds it too, so the two take turns
     */
    Rotation(Segments segments, JsonlLog.Options options, SnapshotReader<T> reader, JsonlLog.Listener<T> listener,
            ReentrantLock maintenance) {
        this.segments = segments;
        this.options = options;
        this.reader = reader;
        this.listener = listener;
        this.maintenance = maintenance;
    }

    /** Rotates when {@code incoming} more bytes are due. The caller holds the write lock. */
    void beforeWrite(int incoming) throws IOException {
        long size = segments.committed();
        if (size == 0) {
            return;
        }
        boolean bySize = options.rotateMaxBytes() > 0 && size + incoming > options.rotateMaxBytes();
        boolean byDay = options.rotateDaily() && !today().equals(segments.activeDay());
        if (bySize || byDay) {
            Path target = segments.rotate(today());
            LOG.info("rotated {} to {}", segments.files().active(), target.getFileName());
        }
    }

    private LocalDate today() {
        return LocalDate.now(options.clock());
    }

    /** Applies retention when there are more rotated files than it keeps. */
    void afterAppend() {
        int keep = options.retentionFiles();
        if (keep > 0 && segments.rotated().size() > keep) {
            applyRetention(keep);
        }
    }

    private void applyRetention(int keep) {
        maintenance.lock();
        try {
            while (true) {
                List<Rotated> rotated = segments.rotated();
                if (rotated.size() <= keep) {
                    return;
                }
                Rotated oldest = rotated.get(0);
                if (listener != null) {
                    reader.forEachIn(oldest.path(), listener::removed);
                }
                segments.dropOldest(oldest);
                Files.deleteIfExists(oldest.path());
                LOG.info("retention: deleted {} (keeping {} rotated files)", oldest.path().getFileName(), keep);
            }
        } catch (IOException e) {
            // the append that triggered this succeeded; the next rotation tries again
            LOG.warn("retention: cannot delete an old file of {}: {}", segments.files().active(), e.toString());
        } finally {
            maintenance.unlock();
        }
    }
}
