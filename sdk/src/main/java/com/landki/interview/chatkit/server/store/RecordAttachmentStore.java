package com.landki.interview.chatkit.server.store;

import com.landki.interview.chatkit.server.types.ChatKitException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The ownership and erasure rules of an {@link AttachmentStore} that keeps one record and one content blob per
 * id (in memory, in a directory): another user's attachment behaves like a missing one, and the erase calls
 * select records by thread, owner or age. Subclasses only read, write and remove by id; every call runs under
 * this store's lock.
 */
abstract class RecordAttachmentStore implements AttachmentStore {

    /** The record of {@code id}, whoever owns it; empty when there is none (or {@code id} is not one of ours). */
    abstract Optional<StoredAttachment> read(String id);

    /** Every record. */
    abstract List<StoredAttachment> readAll();

    abstract void writeRecord(StoredAttachment attachment);

    abstract void writeContent(String id, byte[] content);

    /** The bytes of {@code id}; empty when they never arrived. */
    abstract Optional<byte[]> readContent(String id);

    /** Removes the record and its bytes (the bytes first: a crash leaves no bytes without a record). */
    abstract void remove(String id);

    @Override
    public final synchronized void save(StoredAttachment attachment) {
        Optional<StoredAttachment> old = read(attachment.id());
        if (old.isPresent() && !old.get().userId().equals(attachment.userId())) {
            throw ChatKitException.notFound("attachment", attachment.id());
        }
        writeRecord(attachment);
    }

    @Override
    public final synchronized boolean saveContent(String userId, String attachmentId, byte[] content) {
        if (load(userId, attachmentId).isEmpty()) {
            return false;
        }
        writeContent(attachmentId, content);
        return true;
    }

    @Override
    public final synchronized Optional<StoredAttachment> load(String userId, String attachmentId) {
        return attachmentId == null ? Optional.empty() : read(attachmentId).filter(a -> a.userId().equals(userId));
    }

    @Override
    public final synchronized Optional<byte[]> loadContent(String userId, String attachmentId) {
        return load(userId, attachmentId).isEmpty() ? Optional.empty() : readContent(attachmentId);
    }

    @Override
    public final synchronized boolean delete(String userId, String attachmentId) {
        if (load(userId, attachmentId).isEmpty()) {
            return false;
        }
        remove(attachmentId);
        return true;
    }

    @Override
    public final synchronized int eraseThread(String threadId) {
        return eraseWhere(a -> threadId.equals(a.threadId()));
    }

    @Override
    public final synchronized int eraseUser(String userId) {
        return eraseWhere(a -> a.userId().equals(userId));
    }

    @Override
    public final synchronized int eraseUnusedCreatedBefore(Instant cutoff) {
        return eraseWhere(a -> a.threadId() == null && a.createdAt().isBefore(cutoff));
    }

    private int eraseWhere(Predicate<StoredAttachment> which) {
        List<String> ids = new ArrayList<>();
        for (StoredAttachment attachment : readAll()) {
            if (which.test(attachment)) {
                ids.add(attachment.id());
            }
        }
        ids.forEach(this::remove);
        return ids.size();
    }
}
