package com.landki.interview.chatkit.server.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link AttachmentStore#inMemory()}: two maps under the store's lock. */
final class InMemoryAttachmentStore extends RecordAttachmentStore {

    private final Map<String, StoredAttachment> records = new HashMap<>();
    private final Map<String, byte[]> contents = new HashMap<>();

    @Override
    Optional<StoredAttachment> read(String id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    List<StoredAttachment> readAll() {
        return List.copyOf(records.values());
    }

    @Override
    void writeRecord(StoredAttachment attachment) {
        records.put(attachment.id(), attachment);
    }

    @Override
    void writeContent(String id, byte[] content) {
        contents.put(id, content.clone());
    }

    @Override
    Optional<byte[]> readContent(String id) {
        return Optional.ofNullable(contents.get(id)).map(byte[]::clone);
    }

    @Override
    void remove(String id) {
        contents.remove(id);
        records.remove(id);
    }
}
