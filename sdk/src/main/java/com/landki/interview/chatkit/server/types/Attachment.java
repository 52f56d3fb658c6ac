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

    /**
     * Checks the required fields.
     *
     * @param type             {@link #FILE} or {@link #IMAGE}
     * @param id               the attachment's id
     * @param name             the file name, or null
     * @param mimeType         the declared MIME type
     * @param uploadDescriptor where the bytes go, or null once they are uploaded
     * @param threadId         the thread of the message that carries it, or null
     * @param previewUrl       the owner's preview URL of an image, or null
     * @throws NullPointerException     {@code type}, {@code id} or {@code mimeType} is null
     * @throws IllegalArgumentException {@code type} is neither {@link #FILE} nor {@link #IMAGE}
     */
    public Attachment {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mimeType, "mimeType");
        if (!FILE.equals(type) && !IMAGE.equals(type)) {
            throw new IllegalArgumentException("type must be file or image, was " + type);
        }
    }

    /**
     * Whether this is an {@code ImageAttachment} (sent to the model as an image).
     *
     * @return true for {@link #IMAGE}
     */
    @JsonIgnore
    public boolean isImage() {
        return IMAGE.equals(type);
    }

    /**
     * This attachment once its bytes are stored.
     *
     * @return a copy without the upload descriptor
     */
    public Attachment uploaded() {
        return new Attachment(type, id, name, mimeType, null, threadId, previewUrl);
    }

    /**
     * This attachment as part of a message of {@code thread}.
     *
     * @param thread the thread id
     * @return a copy with {@code thread_id} set
     */
    public Attachment inThread(String thread) {
        return new Attachment(type, id, name, mimeType, uploadDescriptor, thread, previewUrl);
    }
}
