package com.landki.interview.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every retry rule, on fake time: the sleeper records waits and advances the clock, nothing sleeps. */
@Timeout(30)
class OpenAiHttpRetryTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final TestTime time = new TestTime();

    private OpenAiHttp http(RetryPolicy policy) {
        return http(policy, Duration.ofSeconds(10));
    }

    private OpenAiHttp http(RetryPolicy policy, Duration requestTimeout) {
        return OpenAiHttp.create(OpenAiConfig.builder().apiKey("sk-k").baseUrl(server.url("/v1").toString())
                .requestTimeout(requestTimeout).retryPolicy(policy).build());
    }

    private static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).body("{\"error\":{\"message\":\"e" + code + "\"}}").build();
    }

    private static MockResponse ok() {
        return new MockResponse.Builder().code(200).body("{\"ok\":true}").build();
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 409, 429, 500, 502, 503, 504, 599})
    void retriesRetryableStatusThenSucceeds(int code) {
        server.enqueue(status(code));
        server.enqueue(ok());

        assertThat(http(time.policy().build()).postJson("/x", Map.of(), Map.of()).get("ok").asBoolean()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(time.sleeper.sleeps).containsExactly(RetryPolicy.DEFAULT_INITIAL_BACKOFF);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 422})
    void neverRetriesClientErrors(int code) {
        server.enqueue(status(code));
        server.enqueue(ok());

        assertThatThrownBy(() -> http(time.policy().build()).postJson("/x", Map.of(), Map.of()))
                .isInstanceOfSatisfying(OpenAiApiException.class, e -> assertThat(e.statusCode()).isEqualTo(code));
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(time.sleeper.sleeps).isEmpty();
    }

    @Test
    void givesUpAfterThreeAttemptsWithExponentialBackoff() {
        server.enqueue(status(503));
        server.enqueue(status(503));
        server.enqueue(status(503));
        server.enqueue(ok());

        assertThatThrownBy(() -> http(time.policy().build()).postJson("/x", Map.of(), Map.of()))
                .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(time.sleeper.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void rateLimitAfterRetriesKeepsTheRetryAfterHint() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").build());
        }

        assertThatThrownBy(() -> http(time.policy().build()).postJson("/x", Map.of(), Map.of()))
                .isInstanceOfSatisfying(RateLimitException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(2)));
        assertThat(time.sleeper.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void jitterShortensTheBackoff() {
        server.enqueue(status(500));
        server.enqueue(ok());

        http(time.policy().jitter(0.5).random(() -> 0.5).build()).postJson("/x", Map.of(), Map.of());

        assertThat(time.sleeper.sleeps).containsExactly(Duration.ofMillis(375));
    }

    @Test
    void honoursRetryAfterInSeconds() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
        server.enqueue(ok());

        http(time.policy().build()).postJson("/x", Map.of(), Map.of());

        assertThat(time.sleeper.sleeps).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void honoursRetryAfterAsHttpDate() {
        // TestTime starts at 2026-11-26T04:00:00Z
        server.enqueue(new MockResponse.Builder().code(503)
                .addHeader("Retry-After", "Thu, 26 Nov 2026 04:00:09 GMT").build());
        server.enqueue(ok());

        http(time.policy().build()).postJson("/x", Map.of(), Map.of());

        assertThat(time.sleeper.sleeps).containsExactly(Duration.ofSeconds(9));
    }

    @Test
    void retryAfterDateInThePastMeansNoWait() {
        server.enqueue(new MockResponse.Builder().code(503)
                .addHeader("Retry-After", "Thu, 26 Nov 2026 03:00:00 GMT").build());
        server.enqueue(ok());

        http(time.policy().build()).postJson("/x", Map.of(), Map.of());

        assertThat(time.sleeper.sleeps).containsExactly(Duration.ZERO);
    }

    @Test
    void retryAfterMsWinsOverRetryAfter() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after-ms", "1500")
                .addHeader("Retry-After", "30").build());
        server.enqueue(ok());

        http(time.policy().build()).postJson("/x", Map.of(), Map.of());

        assertThat(time.sleeper.sleeps).containsExactly(Duration.ofMillis(1500));
    }

    @Test
    void unreadableRetryAfterFallsBackToBackoff() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "soon").build());
        server.enqueue(ok());

        http(time.policy().build()).postJson("/x", Map.of(), Map.of());

        assertThat(time.sleeper.sleeps).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void retryAfterIsCappedAtMaxRetryAfter() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "120").build());
        server.enqueue(ok());

        http(time.policy().maxRetryAfter(Duration.ofSeconds(30)).build()).postJson("/x", Map.of(), Map.of());

        assertThat(time.sleeper.sleeps).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void doesNotRetryWhenTheWaitWouldCrossTheDeadline() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "20").build());
        server.enqueue(ok());

        assertThatThrownBy(() -> http(time.policy().deadline(Duration.ofSeconds(10)).build())
                .postJson("/x", Map.of(), Map.of()))
                .isInstanceOf(RateLimitException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(time.sleeper.sleeps).isEmpty();
    }

    @Test
    void deadlineBoundsAllAttemptsAndWaits() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(status(500));
        }
        RetryPolicy policy = time.policy().maxAttempts(5).initialBackoff(Duration.ofSeconds(4))
                .maxBackoff(Duration.ofSeconds(60)).deadline(Duration.ofSeconds(10)).build();

        assertThatThrownBy(() -> http(policy).postJson("/x", Map.of(), Map.of()))
                .isInstanceOf(ServerException.class);
        // 0 s: attempt 1, wait 4 s; 4 s: attempt 2, next wait 8 s would end at 12 s > 10 s
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(time.sleeper.sleeps).containsExactly(Duration.ofSeconds(4));
    }

    @Test
    void attemptTimeoutIsCutToTheTimeLeft() {
        server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body("{}").build());
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(1).deadline(Duration.ofMillis(300)).build();

        assertThatThrownBy(() -> http(policy, Duration.ofSeconds(60)).postJson("/x", Map.of(), Map.of()))
                .isInstanceOf(OpenAiTimeoutException.class)
                .hasMessageContaining("PT0.")
                .hasMessageContaining("POST /v1/x");
    }

    @Test
    void retriesATimeoutThenSucceeds() {
        server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body("{}").build());
        server.enqueue(ok());

        assertThat(http(time.policy().build(), Duration.ofMillis(300)).postJson("/x", Map.of(), Map.of())
                .get("ok").asBoolean()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void retriesADroppedConnectionThenSucceeds() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(ok());

        assertThat(http(time.policy().build()).postJson("/x", Map.of("a", 1), Map.of()).get("ok").asBoolean())
                .isTrue();
        assertThat(time.sleeper.sleeps).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void retriedRequestRepeatsTheSameBodyAndHeaders() throws Exception {
        server.enqueue(status(502));
        server.enqueue(ok());

        http(time.policy().build()).postJson("/x", Map.of("a", 1), Map.of("OpenAI-Beta", "chatkit_beta=v1"));

        for (int i = 0; i < 2; i++) {
            var request = server.takeRequest();
            assertThat(request.getBody().utf8()).isEqualTo("{\"a\":1}");
            assertThat(request.getHeaders().get("OpenAI-Beta")).isEqualTo("chatkit_beta=v1");
        }
    }

    @Test
    void listenerIsToldAboutEveryRetry() {
        server.enqueue(status(503));
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3").build());
        server.enqueue(ok());
        java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        RetryPolicy policy = time.policy().listener((call, attempt, failure, wait) ->
                seen.add(call + " #" + attempt + " " + ((OpenAiApiException) failure).statusCode() + " " + wait))
                .build();

        http(policy).postJson("/x", Map.of(), Map.of());

        assertThat(seen).containsExactly("POST /v1/x #1 503 PT0.5S", "POST /v1/x #2 429 PT3S");
    }

    @Test
    void failingListenerDoesNotBreakTheCall() {
        server.enqueue(status(500));
        server.enqueue(ok());
        RetryPolicy policy = time.policy().listener((call, attempt, failure, wait) -> {
            throw new IllegalStateException("metrics down");
        }).build();

        assertThat(http(policy).postJson("/x", Map.of(), Map.of()).get("ok").asBoolean()).isTrue();
    }
}
