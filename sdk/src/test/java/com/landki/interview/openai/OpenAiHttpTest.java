package com.landki.interview.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class OpenAiHttpTest {

    static final String KEY = "sk-secret-key-0123456789";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final TestTime time = new TestTime();

    private OpenAiHttp http(RetryPolicy policy, Duration requestTimeout) {
        return OpenAiHttp.create(OpenAiConfig.builder()
                .apiKey(KEY)
                .baseUrl(server.url("/v1").toString())
                .requestTimeout(requestTimeout)
                .retryPolicy(policy)
                .build());
    }

    private OpenAiHttp http() {
        return http(time.policy().build(), Duration.ofSeconds(10));
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .addHeader("x-request-id", "req_" + code).body(body).build();
    }

    @Test
    void postJsonSendsHeadersAndBody() throws Exception {
        server.enqueue(json(200, "{\"id\":\"x\",\"extra\":{\"a\":1}}"));
        OpenAiHttp http = OpenAiHttp.create(OpenAiConfig.builder().apiKey(KEY)
                .baseUrl(server.url("/v1/").toString()).projectId("proj_1").organizationId("org_1").build());

        JsonNode answer = http.postJson("/things", Map.of("name", "n", "count", 2),
                Map.of("OpenAI-Beta", "chatkit_beta=v1"));

        assertThat(answer.get("id").asText()).isEqualTo("x");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/things");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.getHeaders().get("OpenAI-Project")).isEqualTo("proj_1");
        assertThat(request.getHeaders().get("OpenAI-Organization")).isEqualTo("org_1");
        assertThat(request.getHeaders().get("OpenAI-Beta")).isEqualTo("chatkit_beta=v1");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("User-Agent")).matches("interview-chatkit/\\S+ Java/\\S+");
        assertThat(request.getBody().utf8()).isIn("{\"name\":\"n\",\"count\":2}", "{\"count\":2,\"name\":\"n\"}");
    }

    @Test
    void optionalHeadersAreLeftOutWhenNotConfigured() throws Exception {
        server.enqueue(json(200, "{}"));

        http().getJson("/things", Map.of(), Map.of());

        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("OpenAI-Project")).isNull();
        assertThat(request.getHeaders().get("OpenAI-Organization")).isNull();
        assertThat(request.getHeaders().get("Content-Type")).isNull();
        assertThat(request.getBodySize()).isZero();
    }

    @Test
    void getJsonEncodesTheQueryAndSkipsNullValues() throws Exception {
        server.enqueue(json(200, "{\"data\":[]}"));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("user", "a b&c");
        query.put("limit", "5");
        query.put("after", null);

        http().getJson("/list", query, Map.of());

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getTarget()).isEqualTo("/v1/list?user=a%20b%26c&limit=5");
    }

    @Test
    void deleteReturnsAMissingNodeForAnEmptyBody() throws Exception {
        server.enqueue(new MockResponse.Builder().code(204).build());

        JsonNode answer = http().delete("/things/1", Map.of());

        assertThat(answer.isMissingNode()).isTrue();
        assertThat(server.takeRequest().getMethod()).isEqualTo("DELETE");
    }

    @Test
    void asyncFormCompletesWithTheAnswer() {
        server.enqueue(json(200, "{\"ok\":true}"));

        CompletableFuture<JsonNode> future = http().postJsonAsync("/x", null, Map.of());

        assertThat(future.join().get("ok").asBoolean()).isTrue();
    }

    @Test
    void errorBodyIsParsedIntoTheException() {
        server.enqueue(json(400, "{\"error\":{\"message\":\"Missing workflow id\",\"type\":\"invalid_request_error\","
                + "\"param\":\"workflow.id\",\"code\":\"missing_required_parameter\"}}"));

        assertThatThrownBy(() -> http().postJson("/x", Map.of(), Map.of()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.errorType()).isEqualTo("invalid_request_error");
                    assertThat(e.code()).isEqualTo("missing_required_parameter");
                    assertThat(e.param()).isEqualTo("workflow.id");
                    assertThat(e.errorMessage()).isEqualTo("Missing workflow id");
                    assertThat(e.requestId()).isEqualTo("req_400");
                    assertThat(e.getMessage()).isEqualTo("OpenAI API error 400 (invalid_request_error, code "
                            + "missing_required_parameter): Missing workflow id; request-id: req_400");
                });
    }

    @Test
    void nonJsonErrorBodyBecomesAnExcerpt() {
        server.enqueue(new MockResponse.Builder().code(404).body("<html>\n  <h1>Not   here</h1>\n</html>").build());

        assertThatThrownBy(() -> http().getJson("/x", Map.of(), Map.of()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.errorType()).isNull();
                    assertThat(e.code()).isNull();
                    assertThat(e.errorMessage()).isEqualTo("<html> <h1>Not here</h1> </html>");
                    assertThat(e.requestId()).isNull();
                    assertThat(e.getMessage()).endsWith("request-id: none");
                });
    }

    @Test
    void longNonJsonErrorBodyIsCut() {
        server.enqueue(new MockResponse.Builder().code(422).body("x".repeat(5000)).build());

        assertThatThrownBy(() -> http().getJson("/x", Map.of(), Map.of()))
                .isInstanceOfSatisfying(OpenAiApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(422);
                    assertThat(e.errorMessage()).hasSize(301);
                });
    }

    @Test
    void emptyErrorBodyAndNumericCodeAreHandled() {
        server.enqueue(new MockResponse.Builder().code(401).build());
        server.enqueue(json(403, "{\"error\":{\"message\":\"no\",\"code\":1234}}"));

        assertThatThrownBy(() -> http().getJson("/x", Map.of(), Map.of()))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(401);
                    assertThat(e.errorMessage()).isNull();
                    assertThat(e.getMessage()).isEqualTo("OpenAI API error 401; request-id: none");
                });
        assertThatThrownBy(() -> http().getJson("/x", Map.of(), Map.of()))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.code()).isEqualTo("1234"));
    }

    @Test
    void theKeyIsScrubbedFromUpstreamMessages() {
        server.enqueue(json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + ".\"}}"));

        assertThatThrownBy(() -> http().getJson("/x", Map.of(), Map.of()))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.getMessage()).doesNotContain(KEY).contains("<redacted>");
                    assertThat(e.toString()).doesNotContain(KEY);
                    assertThat(e.errorMessage()).doesNotContain(KEY);
                });
    }

    @Test
    void invalidJsonInASuccessIsABadResponse() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("x-request-id", "req_bad").body("not json")
                .build());

        assertThatThrownBy(() -> http().getJson("/x", Map.of(), Map.of()))
                .isExactlyInstanceOf(OpenAiBadResponseException.class)
                .isInstanceOf(OpenAiException.class)
                .hasMessageContaining("not JSON")
                .hasMessageEndingWith("request-id: req_bad");
    }

    @Test
    void slowHeadersTimeOut() {
        server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body("{}").build());

        assertThatThrownBy(() -> http(time.policy().maxAttempts(1).build(), Duration.ofMillis(300))
                .getJson("/slow", Map.of(), Map.of()))
                .isInstanceOf(OpenAiTimeoutException.class)
                .hasMessageContaining("GET /v1/slow");
    }

    @Test
    void slowBodyTimesOut() {
        server.enqueue(new MockResponse.Builder().bodyDelay(5, TimeUnit.SECONDS).body("{\"a\":1}").build());

        assertThatThrownBy(() -> http(time.policy().maxAttempts(1).build(), Duration.ofMillis(300))
                .getJson("/slow", Map.of(), Map.of()))
                .isInstanceOf(OpenAiTimeoutException.class);
    }

    @Test
    void droppedConnectionIsAConnectionException() {
        // POST: the JDK itself repeats an idempotent GET once on a closed connection
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());

        assertThatThrownBy(() -> http(time.policy().maxAttempts(1).build(), Duration.ofSeconds(5))
                .postJson("/x", Map.of(), Map.of()))
                .isInstanceOf(OpenAiConnectionException.class)
                .hasMessageContaining("POST /v1/x failed");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void refusedConnectionIsAConnectionException() {
        OpenAiHttp http = OpenAiHttp.create(OpenAiConfig.builder().apiKey(KEY).baseUrl("http://127.0.0.1:1/v1")
                .retryPolicy(time.policy().maxAttempts(1).build()).build());

        assertThatThrownBy(() -> http.getJson("/x", Map.of(), Map.of()))
                .isInstanceOf(OpenAiConnectionException.class)
                .hasMessageNotContaining(KEY);
    }

    @Test
    void interruptedBlockingCallRestoresTheFlag() {
        server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body("{}").build());
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> http().getJson("/x", Map.of(), Map.of()))
                    .isExactlyInstanceOf(OpenAiException.class)
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void pathMustStartWithASlash() {
        assertThatThrownBy(() -> http().getJson("x", Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("path must start with '/'");
    }
}
