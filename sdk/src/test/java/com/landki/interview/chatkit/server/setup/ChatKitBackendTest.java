package com.landki.interview.chatkit.server.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.landki.interview.chatkit.server.store.JsonlThreadStore;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.ThreadMetadata;
import com.landki.interview.config.ConfigSource;
import com.landki.interview.store.InterviewStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    void theBackendFromConfigurationOffersDictationAndItsCleanupThreadEndsOnClose(@TempDir Path dir) {
        Map<String, String> env = Map.of("INTERVIEW_LOG_DIR", dir.toString(), "OPENAI_API_KEY", "sk-x",
                "CHATKIT_THREAD_RETENTION_DAYS", "30", "CHATKIT_DICTATION_MAX_BYTES", "1m");
        List<Thread> cleanup;
        try (InterviewStore interview = InterviewStore.inMemory();
             ChatKitBackend backend = ChatKitBackend.from(ConfigSource.of(env), interview)) {
            assertThat(backend.server().dictationOptions().maxBytes()).isEqualTo(1024 * 1024);
            cleanup = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && t.getName().equals("chatkit-cleanup")).toList();
            assertThat(cleanup).as("the periodic cleanup runs on its own thread").isNotEmpty();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> cleanup.stream().noneMatch(Thread::isAlive));

        Map<String, String> off = Map.of("INTERVIEW_STORE", "memory", "OPENAI_API_KEY", "sk-x",
                "CHATKIT_DICTATION", "false");
        try (InterviewStore interview = InterviewStore.inMemory();
             ChatKitBackend backend = ChatKitBackend.from(ConfigSource.of(off), interview)) {
            assertThat(backend.server().dictationOptions()).isNull();
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
