package com.landki.interview.chatkit.server.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.landki.interview.chatkit.server.store.JsonlThreadStore;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.ThreadMetadata;
import com.landki.interview.config.ConfigSource;
import com.landki.interview.store.InterviewStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Assembling the backend from configuration. */
class ChatKitBackendTest {

    @Test
    void theJsonlBackendKeepsThreadsInTheLogDirectoryAndReleasesItOnClose(@TempDir Path dir) {
        Map<String, String> env = Map.of("INTERVIEW_LOG_DIR", dir.toString(), "OPENAI_API_KEY", "sk-x");
        try (InterviewStore interview = InterviewStore.inMemory()) {
            try (ChatKitBackend backend = ChatKitBackend.from(ConfigSource.of(env), interview)) {
                backend.server().store().saveThread("alice", ThreadMetadata.of("thr_1", Instant.EPOCH));
            }
            assertThat(Files.exists(dir.resolve(JsonlThreadStore.FILE_NAME))).isTrue();
            try (ChatKitBackend again = ChatKitBackend.from(ConfigSource.of(env), interview)) {
                assertThat(again.server().store().loadThread("alice", "thr_1")).isPresent();
                assertThat(again.server().store().listThreads("bob", 10, null, ThreadStore.DESC).data()).isEmpty();
            }
        }
    }

    @Test
    void theMemoryBackendNeedsNoDirectory() {
        try (InterviewStore interview = InterviewStore.inMemory();
             ChatKitBackend backend = ChatKitBackend.from(ConfigSource.of(Map.of("INTERVIEW_STORE", "memory")), interview)) {
            backend.server().store().saveThread("alice", ThreadMetadata.of("thr_1", Instant.EPOCH));
            assertThat(backend.server().store().loadThread("alice", "thr_1")).isPresent();
        }
    }
}
