package com.landki.interview.chatkit.server.store;

class InMemoryAttachmentStoreTest extends AttachmentStoreContract {

    @Override
    AttachmentStore store() {
        return AttachmentStore.inMemory();
    }
}
