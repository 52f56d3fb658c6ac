package com.landki.interview.servlet.internal;

import static com.landki.interview.servlet.internal.HandlerFixtures.CALLER;
import static com.landki.interview.servlet.internal.HandlerFixtures.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.landki.interview.chatkit.ChatKitClient;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.ThreadMetadata;
import com.landki.interview.chatkit.server.types.UserContent;
import com.landki.interview.chatkit.server.types.UserMessageItem;
import com.landki.interview.classify.ScopeClassifier;
import com.landki.interview.openai.RetryPolicy;
import com.landki.interview.store.ChatEvent;
import com.landki.interview.store.FeedbackEntry;
import com.landki.interview.store.InterviewStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class ClassifyAndAdminHandlerTest {

    private final InterviewStore store = InterviewStore.inMemory();
    private final ApiMetrics metrics = HandlerFixtures.metrics();
    private final ClassifyHandler classify = new ClassifyHandler(ScopeClassifier.ofDefaults(), null,
            new ChatEvents(store, HandlerFixtures.cookies()), metrics);

    @Test
    void classifiesTextLogsAndCounts() {
        ApiResponse res = classify.classify(body("{\"session_id\":\"s1\",\"user_question\":\"Wetter?\","
                + "\"assistant_reply\":\"Dazu habe ich leider keine Informationen.\"}"), CALLER).join();
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) res.body();
        assertThat(out).containsEntry("out_of_scope", true).containsEntry("source", "marker");
        ChatEvent event = store.chatLog().newest(1).get(0);
        assertThat(event.type()).isEqualTo(ChatEvent.RESPONSE_CLASSIFIED);
        assertThat(event.question()).isEqualTo("Wetter?");
        assertThat(event.sessionId()).isEqualTo("s1");
        assertThat(metrics.scrape(null).text()).contains("interview_out_of_scope_total{backend=\"hosted\",source=\"marker\"} 1.0")
                .contains("interview_answers_total{backend=\"hosted\",source=\"marker\"} 1.0")
                .contains("interview_answers_total{backend=\"hosted\",source=\"none\"} 0.0");
    }

    @Test
    void inScopeAnswerStaysInScope() {
        ApiResponse res = classify.classify(body("{\"assistant_reply\":\"Die Interviews enthalten viele Informationen.\"}"),
                CALLER).join();
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) res.body();
        assertThat(out).containsEntry("out_of_scope", false).containsEntry("source", "none").containsEntry("marker", null);
    }

    @Test
    void threadIdWithoutAChatKitClientIsNotConfigured() {
        assertThatThrownBy(() -> classify.classify(body("{\"thread_id\":\"thr_1\"}"), CALLER))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("not_configured"));
        assertThatThrownBy(() -> classify.classify(body("{\"thread_id\":\"../x\"}"), CALLER))
                .hasMessageContaining("thread_id");
    }

    @Test
    void adminStatsLogsAndErasure() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
        AdminHandler admin = new AdminHandler(store, clock);
        store.feedback().append(FeedbackEntry.publicFeedback("gone", "Q", "A", null, null, "203.0.113.0"));
        store.feedback().append(FeedbackEntry.publicFeedback("kept", "Q", "A", null, null, "203.0.113.0"));
        @SuppressWarnings("unchecked")
        Map<String, Object> stats = (Map<String, Object>) admin.stats().body();
        assertThat(stats).containsEntry("feedback_total", 2L).containsEntry("uptime_s", 0L).containsKey("error_rate");
        assertThat(admin.erase("gone", null).body()).isEqualTo(Map.of("deleted", 1L, "threads_deleted", 0));
        assertThat(store.feedback().newest(10)).extracting(FeedbackEntry::sessionId).containsExactly("kept");
        assertThatThrownBy(() -> admin.erase(" ", null)).hasMessageContaining("session_id");
        assertThatThrownBy(() -> admin.erase("kept", "u_1")).hasMessageContaining("not both");
        assertThatThrownBy(() -> admin.erase(null, "u".repeat(201))).hasMessageContaining("user_id");
        assertThatThrownBy(() -> admin.logs("other", 10)).hasMessageContaining("type");
    }

    @Test
    void erasureRemovesServerBackendThreadsWithTheirRecords() {
        ThreadStore threads = ThreadStore.inMemory();
        AdminHandler admin = new AdminHandler(store, threads, null, "server", Clock.systemUTC());
        for (int i = 0; i < 3; i++) {
            String id = "cthr_a" + i;
            threads.saveThread("u_alice", ThreadMetadata.of(id, Instant.now()));
            threads.saveItem("u_alice", id, new UserMessageItem("msg_" + i, id, Instant.now(),
                    List.of(UserContent.text("Frage " + i)), null, null, null));
            store.feedback().append(FeedbackEntry.publicFeedback(id, "Q", "A", "thumbs_down", null, null));
        }
        threads.saveThread("u_bob", ThreadMetadata.of("cthr_b", Instant.now()));
        store.feedback().append(FeedbackEntry.publicFeedback("cthr_b", "Q", "A", "thumbs_up", null, null));

        // a thread id is the session id of the server backend: records and the thread itself go
        assertThat(admin.erase("cthr_a0", null).body()).isEqualTo(Map.of("deleted", 2L, "threads_deleted", 1));
        assertThat(threads.loadThread("u_alice", "cthr_a0")).isEmpty();
        assertThat(threads.listItems("u_alice", "cthr_a0", 10, null, ThreadStore.ASC).data()).isEmpty();
        assertThat(admin.erase("cthr_a0", null).body()).isEqualTo(Map.of("deleted", 0L, "threads_deleted", 0));

        // a user id erases every thread of that user and what was logged under their ids, nobody else's
        assertThat(admin.erase(null, "u_alice").body()).isEqualTo(Map.of("deleted", 4L, "threads_deleted", 2));
        assertThat(threads.listThreads("u_alice", 10, null, ThreadStore.ASC).data()).isEmpty();
        assertThat(threads.loadThread("u_bob", "cthr_b")).isPresent();
        assertThat(store.feedback().newest(10)).extracting(FeedbackEntry::sessionId).containsExactly("cthr_b");
        assertThat(admin.erase(null, "u_nobody").body()).isEqualTo(Map.of("deleted", 0L, "threads_deleted", 0));
    }

    @Test
    void erasureByUserDeletesTheUsersHostedThreadsOnly() throws Exception {
        try (MockWebServer openAi = new MockWebServer()) {
            openAi.start();
            openAi.enqueue(json("{\"data\":[" + thread("cthr_1", "u_alice") + "," + thread("cthr_x", "u_bob")
                    + "],\"first_id\":\"cthr_1\",\"last_id\":\"cthr_x\",\"has_more\":true}"));
            openAi.enqueue(json("{\"data\":[" + thread("cthr_2", "u_alice") + "],\"first_id\":\"cthr_2\","
                    + "\"last_id\":\"cthr_2\",\"has_more\":false}"));
            openAi.enqueue(json("{\"id\":\"cthr_1\",\"object\":\"chatkit.thread.deleted\",\"deleted\":true}"));
            openAi.enqueue(json("{\"id\":\"cthr_2\",\"object\":\"chatkit.thread.deleted\",\"deleted\":true}"));
            ChatKitClient client = ChatKitClient.builder().apiKey("sk-erase").baseUrl(openAi.url("/v1").toString())
                    .retryPolicy(RetryPolicy.none()).build();
            store.feedback().append(FeedbackEntry.publicFeedback("cthr_2", "Q", "A", null, null, null));
            AdminHandler admin = new AdminHandler(store, null, client, "hosted", Clock.systemUTC());

            assertThat(admin.erase(null, "u_alice").body()).isEqualTo(Map.of("deleted", 3L, "threads_deleted", 2));

            RecordedRequest first = openAi.takeRequest();
            assertThat(first.getMethod()).isEqualTo("GET");
            assertThat(first.getUrl().encodedPath()).isEqualTo("/v1/chatkit/threads");
            assertThat(first.getUrl().queryParameter("user")).isEqualTo("u_alice");
            assertThat(openAi.takeRequest().getUrl().queryParameter("after")).isEqualTo("cthr_x");
            // cthr_x names another user: it is never deleted, even if the upstream listed it
            assertThat(List.of(openAi.takeRequest(), openAi.takeRequest()))
                    .extracting(r -> r.getMethod() + " " + r.getUrl().encodedPath())
                    .containsExactly("DELETE /v1/chatkit/threads/cthr_1", "DELETE /v1/chatkit/threads/cthr_2");
            assertThat(openAi.getRequestCount()).isEqualTo(4);
            assertThat(store.feedback().newest(10)).isEmpty();

            openAi.enqueue(new MockResponse.Builder().code(401).addHeader("x-request-id", "req_401")
                    .body("{\"error\":{\"message\":\"bad key\",\"type\":\"invalid_request_error\"}}").build());
            assertThatThrownBy(() -> admin.erase(null, "u_alice")).satisfies(e -> assertThat(ApiException.from(e).code())
                    .isEqualTo("upstream_unauthorized"));
        }
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static String thread(String id, String user) {
        return "{\"id\":\"" + id + "\",\"object\":\"chatkit.thread\",\"created_at\":1764130000,\"title\":null,"
                + "\"status\":{\"type\":\"active\"},\"user\":\"" + user + "\"}";
    }

    @Test
    void limitParsingAccepts1To500Only() {
        assertThat(ApiRoutes.limit(null, 50)).isEqualTo(50);
        assertThat(ApiRoutes.limit("500", 50)).isEqualTo(500);
        assertThatThrownBy(() -> ApiRoutes.limit("501", 50)).hasMessageContaining("limit");
        assertThatThrownBy(() -> ApiRoutes.limit("0", 50)).hasMessageContaining("limit");
        assertThatThrownBy(() -> ApiRoutes.limit("ten", 50)).hasMessageContaining("limit");
    }

    @Test
    void jsonBodiesMustBeObjects() {
        assertThatThrownBy(() -> body("[]")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("validation_failed"));
        assertThatThrownBy(() -> body("{\"a\":")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("invalid_json"));
        assertThat(body("").size()).isZero();
    }
}
