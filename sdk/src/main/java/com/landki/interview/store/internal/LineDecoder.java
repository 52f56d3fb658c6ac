package com.landki.interview.store.internal;

import java.nio.file.Path;

/** Decodes one line, or returns null (after logging) when it is unreadable. */
@FunctionalInterface
interface LineDecoder<T> {
    T decode(byte[] buf, int off, int len, Path file, long offset);
}
