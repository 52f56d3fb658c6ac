package com.landki.interview.store.internal;

import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/** Decodes one line, or returns null (after logging) when it is unreadable. */
@FunctionalInterface
interface LineDecoder<T> {
    T decode(byte[] buf, int off, int len, Path file, long offset);

    /**
     * Decodes with {@code codec}; an empty line is skipped, an unreadable one is logged with its file and byte
     * offset and skipped, so one bad line (e.g. written by another tool) does not make the log unreadable.
     */
    static <T> LineDecoder<T> skippingUnreadable(JsonlLog.Codec<T> codec) {
        return (buf, off, len, file, offset) -> {
            if (len == 0) {
                return null;
            }
            try {
                return codec.decode(buf, off, len);
            } catch (IOException | RuntimeException e) {
                LoggerFactory.getLogger(LineDecoder.class).warn("{}: skipping an unreadable line at byte {}: {}",
                        file, offset, e.toString());
                return null;
            }
        };
    }
}
