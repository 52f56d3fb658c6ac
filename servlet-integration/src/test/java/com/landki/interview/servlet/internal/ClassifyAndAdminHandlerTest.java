package com.landki.interview.servlet.internal;

import static com.landki.interview.servlet.internal.HandlerFixtures.CALLER;
import static com.landki.interview.servlet.internal.HandlerFixtures.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.landki.interview.classify.ScopeClassifier;
import com.landki.interview.store.ChatEvent;
import com.landki.interview.store.FeedbackEntry;
import com.landki.interview.store.InterviewStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
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
        assertThat(metrics.scrape()).contains("interview_out_of_scope_total 1.0");
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
        assertThat(admin.erase("gone").body()).isEqualTo(Map.of("deleted", 1L));
        assertThat(store.feedback().newest(10)).extracting(FeedbackEntry::sessionId).containsExactly("kept");
        assertThatThrownBy(() -> admin.erase(" ")).hasMessageContaining("session_id");
        assertThatThrownBy(() -> admin.logs("other", 10)).hasMessageContaining("type");
    }

    @Test
    void limitParsingAccepts1To500Only() {
        assertThat(ApiServlet.limit(null, 50)).isEqualTo(50);
        assertThat(ApiServlet.limit("500", 50)).isEqualTo(500);
        assertThatThrownBy(() -> ApiServlet.limit("501", 50)).hasMessageContaining("limit");
        assertThatThrownBy(() -> ApiServlet.limit("0", 50)).hasMessageContaining("limit");
        assertThatThrownBy(() -> ApiServlet.limit("ten", 50)).hasMessageContaining("limit");
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
