package com.landki.interview.chatkit.server.types;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * A file or an image the user attached to a message, in the reference's shape: {@code type} {@code file}
 * ({@code FileAttachment}) or {@code image} ({@code ImageAttachment}, with a {@code preview_url}); the
 * {@code upload_descriptor} says where the bytes go while they are not uploaded yet and is left out once they
 * are; {@code thread_id} is set when a user message that carries it is stored. Immutable.
 */
@JsonPropertyOrder({"type", "id", "name", "mime_type"})
public record Attachment(String type, String id, String name, String mimeType, UploadDescriptor uploadDescriptor,
                         String threadId, String previewUrl) {

    /** {@code FileAttachment}. */
    public static final String FILE = "file";
    /** {@code ImageAttachment}. */
    public static final String IMAGE = "image";

    public Attachment {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mimeType, "mimeType");
        if (!FILE.equals(type) && !IMAGE.equals(type)) {
            throw new IllegalArgumentException("type must be file or image, was " + type);
        }
    }

    /** Whether this is an {@code ImageAttachment} (sent to the model as an image). */
    @JsonIgnore
    public boolean isImage() {
        return IMAGE.equals(type);
    }

    /** This attachment once its bytes are stored: without the upload descriptor. */
    public Attachment uploaded() {
        return new Attachment(type, id, name, mimeType, null, threadId, previewUrl);
    }

    /** This attachment as part of a message of {@code thread}. */
    public Attachment inThread(String thread) {
        return new Attachment(type, id, name, mimeType, uploadDescriptor, thread, previewUrl);
    }
}
