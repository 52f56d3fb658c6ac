package com.landki.interview.chatkit.server.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.landki.interview.chatkit.server.types.Attachment;
import java.time.Instant;
import java.util.Objects;

/**
 * An attachment as an {@link AttachmentStore} keeps it: the protocol value, its owner, its size in bytes (the
 * declared size until the bytes arrive, then the real one), when it was created, and whether its bytes are
 * stored. Immutable.
 */
public record StoredAttachment(Attachment attachment, String userId, long size, Instant createdAt, boolean uploaded) {

    public StoredAttachment {
        Objects.requireNonNull(attachment, "attachment");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @JsonIgnore
    public String id() {
        return attachment.id();
    }

    /** The thread of the first message that carried it, or null while it was never sent. */
    @JsonIgnore
    public String threadId() {
        return attachment.threadId();
    }

    /** This record once {@code bytes} bytes are stored. */
    public StoredAttachment withContent(long bytes) {
        return new StoredAttachment(attachment.uploaded(), userId, bytes, createdAt, true);
    }

    /** This record as part of a message of {@code threadId}. */
    public StoredAttachment inThread(String threadId) {
        return new StoredAttachment(attachment.inThread(threadId), userId, size, createdAt, uploaded);
    }
}
