package com.landki.interview.chatkit.server.store;

/** The contract on the in-memory store. */
class InMemoryThreadStoreTest extends ThreadStoreContract {

    @Override
    ThreadStore store() {
        return ThreadStore.inMemory();
    }
}
