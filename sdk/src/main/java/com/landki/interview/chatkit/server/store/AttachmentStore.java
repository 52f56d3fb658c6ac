package com.landki.interview.chatkit.server.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Where attachments and their bytes live. As with {@link ThreadStore}, every protocol call names the owning
 * user, and another user's attachment behaves exactly like a missing one; the {@code erase…} calls are for
 * operators (privacy requests, thread deletion, cleanup) and ignore the owner. Implementations are
 * thread-safe; a write has reached the implementation's durable medium when it returns.
 */
public interface AttachmentStore {

    /**
     * Creates the record, or replaces it when {@code attachment.userId()} owns it.
     *
     * @param attachment the record to keep
     * @throws com.landki.interview.chatkit.server.types.ChatKitException not found when another user owns the id
     */
    void save(StoredAttachment attachment);

    /**
     * Stores the bytes of the user's attachment, replacing earlier ones.
     *
     * @param userId       the owner
     * @param attachmentId the attachment's id
     * @param content      the bytes
     * @return false when the user has no such attachment
     */
    boolean saveContent(String userId, String attachmentId, byte[] content);

    /**
     * The user's attachment record.
     *
     * @param userId       the owner
     * @param attachmentId the attachment's id
     * @return the record, or empty when the user has no such attachment
     */
    Optional<StoredAttachment> load(String userId, String attachmentId);

    /**
     * The stored bytes of the user's attachment.
     *
     * @param userId       the owner
     * @param attachmentId the attachment's id
     * @return the bytes, or empty when the user has no such attachment or its bytes never arrived
     */
    Optional<byte[]> loadContent(String userId, String attachmentId);

    /**
     * Deletes the record and its bytes.
     *
     * @param userId       the owner
     * @param attachmentId the attachment's id
     * @return false when the user has no such attachment
     */
    boolean delete(String userId, String attachmentId);

    /**
     * Deletes every attachment sent in a message of {@code threadId}, whoever owns it.
     *
     * @param threadId the thread
     * @return how many were deleted
     */
    int eraseThread(String threadId);

    /**
     * Deletes every attachment of {@code userId}, sent or not.
     *
     * @param userId the owner
     * @return how many were deleted
     */
    int eraseUser(String userId);

    /**
     * Deletes attachments never sent in a message and created before {@code cutoff}.
     *
     * @param cutoff the creation time before which unused attachments go
     * @return how many were deleted
     */
    int eraseUnusedCreatedBefore(Instant cutoff);

    /**
     * Attachments in memory (tests, demos); lost on restart.
     *
     * @return an empty store
     */
    static AttachmentStore inMemory() {
        return new InMemoryAttachmentStore();
    }

    /**
     * Attachments as files in {@code dir} (created if missing; e.g. {@code chatkit-attachments} in
     * {@code INTERVIEW_LOG_DIR}): one JSON record and one content file per attachment. One server per directory.
     *
     * @param dir the directory
     * @return the store over what {@code dir} already holds
     */
    static AttachmentStore directory(Path dir) {
        return DirectoryAttachmentStore.open(dir);
    }

    /**
     * Attachments in the table {@code chatkit_attachments} (bytes as {@code bytea}); creates it now if missing.
     *
     * @param dataSource the database
     * @return the store over the table
     */
    static AttachmentStore postgres(DataSource dataSource) {
        return PostgresAttachmentStore.open(dataSource);
    }
}
