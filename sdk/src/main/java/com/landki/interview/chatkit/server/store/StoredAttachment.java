package com.landki.interview.chatkit.server.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.landki.interview.chatkit.server.types.Attachment;
import java.time.Instant;
import java.util.Objects;

/**
 * An attachment as an {@link AttachmentStore} keeps it: the protocol value, its owner, its size in bytes (the
 * declared size until the bytes arrive, then the real one), when it was created, and whether its bytes are
 * stored. Immutable.
 *
 * @param attachment the protocol value
 * @param userId     the owner
 * @param size       bytes: declared until the upload, then real
 * @param createdAt  when {@code attachments.create} made it
 * @param uploaded   whether its bytes are stored
 */
public record StoredAttachment(Attachment attachment, String userId, long size, Instant createdAt, boolean uploaded) {

    /**
     * Checks that the references are set.
     *
     * @param attachment the protocol value
     * @param userId     the owner
     * @param size       bytes: declared until the upload, then real
     * @param createdAt  when {@code attachments.create} made it
     * @param uploaded   whether its bytes are stored
     * @throws NullPointerException {@code attachment}, {@code userId} or {@code createdAt} is null
     */
    public StoredAttachment {
        Objects.requireNonNull(attachment, "attachment");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * The attachment's id.
     *
     * @return the protocol id
     */
    @JsonIgnore
    public String id() {
        return attachment.id();
    }

    /**
     * The thread of the first message that carried it.
     *
     * @return the thread id, or null while it was never sent
     */
    @JsonIgnore
    public String threadId() {
        return attachment.threadId();
    }

    /**
     * This record once {@code bytes} bytes are stored.
     *
     * @param bytes the stored size
     * @return a new record marked uploaded
     */
    public StoredAttachment withContent(long bytes) {
        return new StoredAttachment(attachment.uploaded(), userId, bytes, createdAt, true);
    }

    /**
     * This record as part of a message of {@code threadId}.
     *
     * @param threadId the thread of the message
     * @return a new record
     */
    public StoredAttachment inThread(String threadId) {
        return new StoredAttachment(attachment.inThread(threadId), userId, size, createdAt, uploaded);
    }
}
