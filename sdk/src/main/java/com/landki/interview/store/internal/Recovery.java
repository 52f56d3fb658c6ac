package com.landki.interview.store.internal;

import com.landki.interview.store.internal.LogFiles.Rotated;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a log's files back to a clean state at open, whatever way the last process ended: temp files of an
 * interrupted erasure are removed (the originals are still complete, since the rename is the last step), and a
 * torn last line of the active file — a crash in the middle of a write — is cut back to the last complete
 * record. Stateless.
 */
final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);
    private static final int CHUNK = BackwardScan.CHUNK;

    private Recovery() {
    }

    /** Cleans up and opens the log's files; the caller holds the lock file. */
    static Segments open(LogFiles files, Clock clock) throws IOException {
        try (DirectoryStream<Path> temps = files.temps()) {
            for (Path t : temps) {
                LOG.warn("removing {} left by an interrupted erasure", t);
                Files.deleteIfExists(t);
            }
        }
        List<Rotated> rotated = files.listRotated();
        Path active = files.active();
        FileChannel out = FileChannel.open(active, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        try {
            long committed = cutTornTail(out, active);
            LocalDate activeDay = committed == 0 ? LocalDate.now(clock)
                    : LocalDate.ofInstant(Files.getLastModifiedTime(active).toInstant(), clock.getZone());
            return new Segments(files, rotated, out, committed, activeDay);
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    /**
     * Cuts an incomplete last line (no {@code \n} at the end) back to the last {@code \n}, or to nothing when the
     * file holds no complete line, and syncs; returns the new size. A file that ends in {@code \n} is not
     * touched.
     */
    static long cutTornTail(FileChannel ch, Path file) throws IOException {
        long size = ch.size();
        if (size == 0 || BackwardScan.lastByte(ch, size) == '\n') {
            return size;
        }
        long keep = 0;
        long end = size;
        ByteBuffer b = ByteBuffer.allocate(CHUNK);
        search:
        while (end > 0) {
            int len = (int) Math.min(CHUNK, end);
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
                file, size - keep, keep);
        return keep;
    }
}
