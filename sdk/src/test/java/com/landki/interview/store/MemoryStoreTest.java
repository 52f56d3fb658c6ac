package com.landki.interview.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemoryStoreTest extends StoreContractTest {

    @Override
    protected InterviewStore open() {
        return InterviewStore.inMemory();
    }

    @Test
    void reportsItsTypeAndRefusesAppendsAfterClose() {
        assertThat(store.type()).isEqualTo("memory");
        store.close();

        assertThatThrownBy(() -> store.feedback().append(feedback("s", "q"))).isInstanceOf(StoreException.class);
    }
}
