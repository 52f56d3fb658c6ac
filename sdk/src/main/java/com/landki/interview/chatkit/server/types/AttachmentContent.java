package com.landki.interview.chatkit.server.types;

import java.util.Objects;

/** The stored bytes of an attachment with its MIME type and file name, e.g. for an image preview. Immutable. */
public record AttachmentContent(String mimeType, String name, byte[] bytes) {

    public AttachmentContent {
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(bytes, "bytes");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
