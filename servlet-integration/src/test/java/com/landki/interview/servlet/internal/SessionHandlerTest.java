package com.landki.interview.servlet.internal;

import static com.landki.interview.servlet.internal.HandlerFixtures.CALLER;
import static com.landki.interview.servlet.internal.HandlerFixtures.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.landki.interview.openai.OpenAiApiException;
import com.landki.interview.store.ChatEvent;
import com.landki.interview.store.InterviewStore;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SessionHandlerTest {

    private final InterviewStore store = InterviewStore.inMemory();
    private final ApiMetrics metrics = HandlerFixtures.metrics();
    private final ChatEvents events = new ChatEvents(store, HandlerFixtures.cookies());
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicReference<String> askedFor = new AtomicReference<>();

    private SessionHandler handler(CompletableFuture<SessionPort.Grant> answer) {
        SessionPort port = userId -> {
            askedFor.set(userId);
            nanos.addAndGet(42_000_000);
            return answer;
        };
        return new SessionHandler(port, "not configured", events, metrics, nanos::get);
    }

    @Test
    void mintsForTheCallerAndLogsSessionCreated() {
        SessionHandler handler = handler(CompletableFuture.completedFuture(
                new SessionPort.Grant("ek_1", 1893456000L, "cksess_1", "req_1")));
        ApiResponse res = handler.create(body(""), CALLER).join();
        assertThat(askedFor.get()).isEqualTo("u_test");
        assertThat(res.body()).isEqualTo(Map.of("client_secret", "ek_1", "expires_at", 1893456000L,
                "session_id", "cksess_1"));
        assertThat(res.headers()).containsEntry("x-request-id", "req_1").containsEntry("Cache-Control", "no-store");
        ChatEvent event = store.chatLog().newest(1).get(0);
        assertThat(event.type()).isEqualTo(ChatEvent.SESSION_CREATED);
        assertThat(event.latencyMs()).isEqualTo(42L);
        assertThat(event.userHash()).startsWith("uh_").doesNotContain("u_test");
        assertThat(event.toString()).doesNotContain("ek_1");
        // 42 ms: in the 0.1 s bucket, not below; a histogram, so p95 and SLO ratios can be computed
        assertThat(metrics.scrape(null).text()).contains("interview_sessions_minted_total 1.0")
                .contains("interview_upstream_latency_seconds_bucket{api=\"chatkit\",le=\"0.1\"} 1")
                .doesNotContain("interview_upstream_latency_seconds_bucket{api=\"chatkit\",le=\"0.05\"} 1")
                .contains("interview_upstream_latency_seconds_count{api=\"responses\"} 0");
    }

    @Test
    void upstreamFailureIsMappedAndLoggedAsSessionFailed() {
        SessionHandler handler = handler(CompletableFuture.failedFuture(
                OpenAiApiException.of(401, "invalid_request_error", "invalid_api_key", null, "bad key", "req_9", null)));
        assertThatThrownBy(() -> handler.create(body("{}"), CALLER).join()).isInstanceOfSatisfying(
                CompletionException.class, e -> {
                    ApiException api = (ApiException) e.getCause();
                    assertThat(api.status()).isEqualTo(502);
                    assertThat(api.code()).isEqualTo("upstream_unauthorized");
                    assertThat(api.headers()).containsEntry("x-request-id", "req_9");
                });
        ChatEvent event = store.chatLog().newest(1).get(0);
        assertThat(event.type()).isEqualTo(ChatEvent.SESSION_FAILED);
        assertThat(event.upstreamStatus()).isEqualTo(401);
        assertThat(event.upstreamRequestId()).isEqualTo("req_9");
        assertThat(event.error()).isEqualTo("upstream_unauthorized");
        assertThat(metrics.scrape(null).text())
                .contains("interview_sessions_failed_total{code=\"upstream_unauthorized\"} 1.0")
                .contains("interview_upstream_errors_total{api=\"chatkit\",code=\"upstream_unauthorized\"} 1.0")
                .contains("interview_upstream_errors_total{api=\"responses\",code=\"upstream_unauthorized\"} 0.0")
                .contains("interview_upstream_latency_seconds_count{api=\"chatkit\"} 1");
    }

    @Test
    void withoutAClientItAnswersNotConfigured() {
        SessionHandler handler = new SessionHandler(null, "chat needs OPENAI_API_KEY", events, metrics, nanos::get);
        assertThatThrownBy(() -> handler.create(body(""), CALLER)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void currentClientSecretMustBeAString() {
        SessionHandler handler = handler(new CompletableFuture<>());
        assertThatThrownBy(() -> handler.create(body("{\"current_client_secret\":true}"), CALLER))
                .hasMessageContaining("current_client_secret");
    }
}
