package com.landki.interview.store.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A copy of one file without the lines {@code match} accepts, made lazily: nothing is written until the first
 * match, and runs of kept lines are copied with {@code transferTo}. Lines without {@code hint} (when given) are
 * kept without decoding. Not thread-safe; the caller renames {@link #temp()} over the original.
 */
final class LineRewrite<T> implements Closeable {
    private final Path original;
    private final Predicate<T> match;
    private final byte[] hint;
    private final LineDecoder<T> decoder;
    private final List<T> removed = new ArrayList<>();
    private Path temp;
    private FileChannel tempChannel;
    private long copiedUpTo;         // source bytes before this are copied or dropped

    LineRewrite(Path original, Predicate<T> match, byte[] hint, LineDecoder<T> decoder) {
        this.original = original;
        this.match = match;
        this.hint = hint;
        this.decoder = decoder;
    }

    /** The values removed so far. */
    List<T> removed() {
        return removed;
    }

    /** The rewritten copy, once there was a match. */
    Path temp() {
        return temp;
    }

    void scan(FileChannel src, long from, long to) throws IOException {
        LineReader r = new LineReader(src, from, to);
        while (r.next()) {
            if (hint != null && indexOf(r.buf(), r.off(), r.len(), hint) < 0) {
                continue;
            }
            T v = decoder.decode(r.buf(), r.off(), r.len(), original, r.offset());
            if (v != null && match.test(v)) {
                copy(src, r.offset());
                copiedUpTo = r.offset() + r.len() + 1;
                removed.add(v);
            }
        }
    }

    private void copy(FileChannel src, long upTo) throws IOException {
        if (tempChannel == null) {
            temp = original.resolveSibling(original.getFileName() + ".tmp");
            tempChannel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        }
        long pos = copiedUpTo;
        while (pos < upTo) {
            long n = src.transferTo(pos, upTo - pos, tempChannel);
            if (n <= 0) {
                throw new IOException("short copy from " + original + " at " + pos);
            }
            pos += n;
        }
    }

    void finish(FileChannel src, long end) throws IOException {
        copy(src, end);
        copiedUpTo = end;
        tempChannel.force(true);
    }

    @Override
    public void close() throws IOException {
        if (tempChannel != null) {
            tempChannel.close();
            Files.deleteIfExists(temp);   // no-op after a successful rename
        }
    }

    static int indexOf(byte[] buf, int off, int len, byte[] needle) {
        int last = off + len - needle.length;
        outer:
        for (int i = off; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (buf[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
