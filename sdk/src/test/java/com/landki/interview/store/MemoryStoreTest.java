package com.landki.interview.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;

class MemoryStoreTest extends StoreContract {

    @Override
    protected InterviewStore open() {
        return InterviewStore.inMemory();
    }

    @Override
    protected InterviewStore open(Clock clock) {
        return InterviewStore.open(StoreConfig.builder().type("memory").clock(clock).build());
    }

    @Test
    void reportsItsTypeAndRefusesAppendsAfterClose() {
        assertThat(store.type()).isEqualTo("memory");
        store.close();

        assertThatThrownBy(() -> store.feedback().append(feedback("s", "q"))).isInstanceOf(StoreException.class);
    }
}
