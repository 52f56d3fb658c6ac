package com.landki.interview.chatkit.server.store;

import com.landki.interview.chatkit.server.types.ChatKitException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** {@link AttachmentStore#inMemory()}: two maps under one lock. */
final class InMemoryAttachmentStore implements AttachmentStore {

    private final Map<String, StoredAttachment> records = new HashMap<>();
    private final Map<String, byte[]> contents = new HashMap<>();

    @Override
    public synchronized void save(StoredAttachment attachment) {
        StoredAttachment old = records.get(attachment.id());
        if (old != null && !old.userId().equals(attachment.userId())) {
            throw ChatKitException.notFound("attachment", attachment.id());
        }
        records.put(attachment.id(), attachment);
    }

    @Override
    public synchronized boolean saveContent(String userId, String attachmentId, byte[] content) {
        if (load(userId, attachmentId).isEmpty()) {
            return false;
        }
        contents.put(attachmentId, content.clone());
        return true;
    }

    @Override
    public synchronized Optional<StoredAttachment> load(String userId, String attachmentId) {
        return Optional.ofNullable(records.get(attachmentId)).filter(a -> a.userId().equals(userId));
    }

    @Override
    public synchronized Optional<byte[]> loadContent(String userId, String attachmentId) {
        return load(userId, attachmentId).map(a -> contents.get(attachmentId)).map(byte[]::clone);
    }

    @Override
    public synchronized boolean delete(String userId, String attachmentId) {
        return load(userId, attachmentId).isPresent() && eraseWhere(a -> a.id().equals(attachmentId)) > 0;
    }

    @Override
    public synchronized int eraseThread(String threadId) {
        return eraseWhere(a -> threadId.equals(a.threadId()));
    }

    @Override
    public synchronized int eraseUser(String userId) {
        return eraseWhere(a -> a.userId().equals(userId));
    }

    @Override
    public synchronized int eraseUnusedCreatedBefore(Instant cutoff) {
        return eraseWhere(a -> a.threadId() == null && a.createdAt().isBefore(cutoff));
    }

    private int eraseWhere(Predicate<StoredAttachment> which) {
        int before = records.size();
        records.values().removeIf(which);
        contents.keySet().retainAll(records.keySet());
        return before - records.size();
    }
}
