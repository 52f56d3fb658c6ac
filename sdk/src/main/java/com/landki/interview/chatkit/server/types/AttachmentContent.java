package com.landki.interview.chatkit.server.types;

import java.util.Objects;

/** The stored bytes of an attachment with its MIME type and file name, e.g. for an image preview. Immutable. */
public record AttachmentContent(String mimeType, String name, byte[] bytes) {

    /**
     * Copies {@code bytes}, so later changes to the caller's array do not reach this value.
     *
     * @param mimeType the MIME type
     * @param name     the file name, or null
     * @param bytes    the content
     * @throws NullPointerException {@code mimeType} or {@code bytes} is null
     */
    public AttachmentContent {
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(bytes, "bytes");
        bytes = bytes.clone();
    }

    /**
     * The bytes.
     *
     * @return a copy of the bytes
     */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
