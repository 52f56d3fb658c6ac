package com.landki.interview.store;

import com.landki.interview.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.landki.interview.config.ConfigSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlStoreTest extends DurableStoreContract {

    @TempDir
    Path dir;

    /** Small files, so the contract tests also run across rotated files. */
    private StoreConfig.Builder config() {
        return StoreConfig.builder().type("jsonl").logDir(dir).rotateMaxBytes(256 * 1024);
    }

    @Override
    protected InterviewStore open() {
        return InterviewStore.open(config().build());
    }

    @Override
    protected InterviewStore open(Clock clock) {
        return InterviewStore.open(config().clock(clock).build());
    }

    @Override
    protected List<String> childArgs() {
        return List.of("jsonl", dir.toString());
    }

    @Override
    protected void onChildRunning() {
        assertThatThrownBy(this::open).isInstanceOf(StoreLockedException.class)
                .hasMessageContaining("in use by another process").hasMessageContaining("feedback.jsonl.lock");
    }

    private Path feedbackFile() {
        return dir.resolve("feedback.jsonl");
    }

    private List<Path> rotatedFeedbackFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("feedback-\\d{8}-\\d{6}\\.jsonl"))
                    .sorted().collect(Collectors.toList());
        }
    }

    @Test
    void writesTheOriginalFieldNamesOneObjectPerLine() throws IOException {
        store.feedback().append(FeedbackEntry.publicFeedback("sess_1", "Frage", "Antwort", null, "c", "10.0.0.0"));

        List<String> lines = Files.readAllLines(feedbackFile());
        assertThat(lines).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = new ObjectMapper().readValue(lines.get(0), Map.class);
        assertThat(json).containsEntry("session_id", "sess_1").containsEntry("user_question", "Frage")
                .containsEntry("assistant_reply", "Antwort").containsEntry("category", "out_of_scope")
                .containsEntry("comment", "c").containsEntry("kind", "public").containsEntry("ip", "10.0.0.0")
                .containsKeys("id", "ts");
    }

    @Test
    void readsAndErasesLinesWrittenByTheOriginalPythonServer() throws IOException {
        store.close();
        Files.writeString(feedbackFile(), String.join("\n",
                "{\"ts\": \"2025-03-01T10:15:00.123456\", \"session_id\": \"demo\", \"user_question\": \"Q?\", "
                        + "\"assistant_reply\": \"A\", \"category\": \"out_of_scope\", \"comment\": null}",
                "{\"ts\": \"2025-03-01T10:16:00+00:00\", \"session_id\": \"s\\u00fc\", \"user_question\": \"\\u00c4\"}",
                ""), StandardCharsets.UTF_8);

        store = open();

        List<FeedbackEntry> newest = store.feedback().newest(5);
        assertThat(newest).extracting(FeedbackEntry::sessionId).containsExactly("s\u00fc", "demo");
        assertThat(newest.get(1).ts()).isEqualTo(Instant.parse("2025-03-01T10:15:00.123456Z"));
        assertThat(newest.get(0).userQuestion()).isEqualTo("\u00c4");
        assertThat(store.stats().feedbackTotal()).isEqualTo(2);
        assertThat(store.feedback().eraseSession("s\u00fc")).isEqualTo(1);
        assertThat(store.feedback().eraseSession("demo")).isEqualTo(1);
        assertThat(Files.size(feedbackFile())).isZero();
    }

    @Test
    void chatEventsWrittenBeforeTheRenameKeepTheirUpstreamRequestId() throws IOException {
        store.close();
        Files.writeString(dir.resolve("chat.jsonl"), "{\"id\":\"ev_old\",\"ts\":\"2026-11-01T10:00:00Z\","
                + "\"type\":\"session.created\",\"session_id\":\"cksess_1\",\"request_id\":\"req_old\"}\n",
                StandardCharsets.UTF_8);

        store = open();
        store.chatLog().append(ChatEvent.builder(ChatEvent.SESSION_CREATED).sessionId("cksess_2")
                .upstreamRequestId("req_new").build());

        assertThat(store.chatLog().newest(2)).extracting(ChatEvent::upstreamRequestId)
                .containsExactly("req_new", "req_old");
        List<String> lines = Files.readAllLines(dir.resolve("chat.jsonl"));
        assertThat(lines.get(1)).contains("\"upstream_request_id\":\"req_new\"").doesNotContain("\"request_id\"");
    }

    @Test
    void aSecondStoreOnTheSameDirectoryIsRefused() {
        assertThatThrownBy(this::open).isInstanceOf(StoreLockedException.class)
                .hasMessageContaining("already open in this process");
    }

    @Test
    void aTornLastLineIsCutBackAtOpenAndLaterAppendsAreClean() throws IOException {
        List<FeedbackEntry> saved = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            saved.add(store.feedback().append(feedback("s", "q" + i)));
        }
        store.close();
        long complete = Files.size(feedbackFile());
        Files.write(feedbackFile(), "{\"id\":\"fb_torn\",\"session_id\":\"s\",\"user_qu".getBytes(
                StandardCharsets.UTF_8), StandardOpenOption.APPEND);

        store = open();

        assertThat(Files.size(feedbackFile())).isEqualTo(complete);
        FeedbackEntry after = store.feedback().append(feedback("s", "after"));
        Collections.reverse(saved);
        assertThat(store.feedback().newest(10)).startsWith(after).containsAll(saved).hasSize(4);
        for (String line : Files.readAllLines(feedbackFile())) {
            assertThat(new ObjectMapper().readTree(line).get("id").asText()).startsWith("fb_");
        }
    }

    @Test
    void rotationBySizeUnderConcurrentAppendsLosesAndDuplicatesNothing() throws Exception {
        store.close();
        store = InterviewStore.open(config().rotateMaxBytes(16 * 1024).build());

        List<String> returned = runConcurrently(8, t -> {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                mine.add(store.feedback().append(feedback("s" + t, "rotate " + i)).id());
            }
            return mine;
        });

        assertThat(rotatedFeedbackFiles()).hasSizeGreaterThan(20);
        for (Path p : rotatedFeedbackFiles()) {
            assertThat(Files.size(p)).isLessThanOrEqualTo(16 * 1024);
        }
        List<String> stored = ids(store.feedback().stream());
        assertThat(stored).hasSize(8_000).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(returned);
        List<String> newest = store.feedback().newest(300).stream().map(FeedbackEntry::id)
                .collect(Collectors.toList());
        List<String> lastInFileOrder = new ArrayList<>(stored.subList(stored.size() - 300, stored.size()));
        Collections.reverse(lastInFileOrder);
        assertThat(newest).isEqualTo(lastInFileOrder);
        store.close();
        store = open();
        assertThat(store.stats().feedbackTotal()).isEqualTo(8_000);
    }

    @Test
    void erasureWhileTheActiveFileRotatesUnderConcurrentAppendsLosesNothing() throws Exception {
        store.close();
        store = InterviewStore.open(config().rotateMaxBytes(8 * 1024).build());

        assertErasureUnderConcurrentAppends();

        assertThat(rotatedFeedbackFiles()).hasSizeGreaterThan(50);
    }

    @Test
    void retentionKeepsTheNewestRotatedFilesAndStatsFollow() throws IOException {
        store.close();
        store = InterviewStore.open(config().rotateMaxBytes(4 * 1024).retentionFiles(3).build());

        for (int i = 0; i < 300; i++) {
            store.feedback().append(feedback("s", "retention " + i));
        }

        assertThat(rotatedFeedbackFiles()).hasSize(3);
        long stored;
        try (Stream<FeedbackEntry> s = store.feedback().stream()) {
            stored = s.count();
        }
        assertThat(stored).isLessThan(300).isGreaterThan(0);
        assertThat(store.stats().feedbackTotal()).isEqualTo(stored);
        assertThat(store.feedback().newest(1).get(0).userQuestion()).isEqualTo("retention 299");
    }

    @Test
    void dailyRotationStartsANewFileWhenTheDayChanges() throws IOException {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T23:59:00Z"));
        store.close();
        store = InterviewStore.open(config().rotateMaxBytes(0).rotateDaily(true).clock(clock).build());

        FeedbackEntry first = store.feedback().append(feedback("s", "late"));
        clock.advance(Duration.ofMinutes(2));
        FeedbackEntry second = store.feedback().append(feedback("s", "early"));

        assertThat(rotatedFeedbackFiles()).extracting(p -> p.getFileName().toString())
                .containsExactly("feedback-20261125-000001.jsonl");
        assertThat(store.feedback().newest(5)).containsExactly(second, first);
    }

    @Test
    void erasureRewritesOnlyTheFilesThatHoldTheSession() throws IOException {
        store.close();
        store = InterviewStore.open(config().rotateMaxBytes(4 * 1024).build());
        store.feedback().append(feedback("victim", "first file"));
        for (int i = 0; i < 100; i++) {
            store.feedback().append(feedback("other", "filler " + i));
        }
        List<Path> rotated = rotatedFeedbackFiles();
        Map<Path, byte[]> before = new HashMap<>();
        for (Path p : rotated) {
            before.put(p, Files.readAllBytes(p));
        }

        assertThat(store.feedback().eraseSession("victim")).isEqualTo(1);

        assertThat(new String(Files.readAllBytes(rotated.get(0)), StandardCharsets.UTF_8)).doesNotContain("victim");
        for (Path p : rotated.subList(1, rotated.size())) {
            assertThat(Files.readAllBytes(p)).isEqualTo(before.get(p));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(Path::toString)).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void fsyncModeStoresEveryConcurrentAppend() throws Exception {
        store.close();
        store = InterviewStore.open(config().durability(Durability.FSYNC).build());

        List<String> returned = runConcurrently(16, t -> {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                mine.add(store.feedback().append(feedback("s" + t, "fsync " + i)).id());
            }
            return mine;
        });

        assertThat(ids(store.feedback().stream())).containsExactlyInAnyOrderElementsOf(returned);
    }

    @Test
    void fromEnvReadsTheStoreVariables() {
        StoreConfig c = StoreConfig.from(ConfigSource.of(Map.of("INTERVIEW_STORE", "jsonl", "INTERVIEW_LOG_DIR", dir.toString(),
                "INTERVIEW_LOG_DURABILITY", "fsync", "INTERVIEW_LOG_ROTATE_BYTES", "10m",
                "INTERVIEW_LOG_ROTATE_DAILY", "true", "INTERVIEW_LOG_RETENTION", "7",
                "INTERVIEW_JDBC_PASSWORD", "secret")));

        assertThat(c.type()).isEqualTo("jsonl");
        assertThat(c.logDir()).isEqualTo(dir);
        assertThat(c.durability()).isEqualTo(Durability.FSYNC);
        assertThat(c.rotateMaxBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(c.rotateDaily()).isTrue();
        assertThat(c.retentionFiles()).isEqualTo(7);
        assertThat(c.toString()).doesNotContain("secret");
        assertThatThrownBy(() -> StoreConfig.from(ConfigSource.of(Map.of("INTERVIEW_LOG_DURABILITY", "sometimes"))))
                .hasMessageContaining("INTERVIEW_LOG_DURABILITY");
        // postgres without a URL is read (a host may hold the data source); opening it names the setting
        assertThatThrownBy(() -> InterviewStore.open(StoreConfig.from(ConfigSource.of(
                Map.of("INTERVIEW_STORE", "postgres"))))).hasMessageContaining("INTERVIEW_JDBC_URL");
        assertThat(store.type()).isEqualTo("jsonl");
    }

    @Test
    void theJdbcConnectTimeoutIsTwoSecondsUnlessSetAndNeverUnder250Ms() {
        assertThat(StoreConfig.from(ConfigSource.of(Map.of())).jdbcConnectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(StoreConfig.from(ConfigSource.of(Map.of("INTERVIEW_JDBC_CONNECT_TIMEOUT_MS", "750")))
                .jdbcConnectTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThatThrownBy(() -> StoreConfig.from(ConfigSource.of(Map.of("INTERVIEW_JDBC_CONNECT_TIMEOUT_MS", "100"))))
                .hasMessageContaining("INTERVIEW_JDBC_CONNECT_TIMEOUT_MS").hasMessageContaining("250");
        assertThatThrownBy(() -> StoreConfig.builder().jdbcConnectTimeout(Duration.ofMillis(249)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
