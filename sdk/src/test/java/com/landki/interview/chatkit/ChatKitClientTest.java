package com.landki.interview.chatkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.landki.interview.openai.BadRequestException;
import com.landki.interview.openai.NotFoundException;
import com.landki.interview.openai.OpenAiBadResponseException;
import com.landki.interview.openai.RecordingHttpClient;
import com.landki.interview.openai.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ChatKitClientTest {

    static final String KEY = "sk-chatkit-test-key";
    static final ObjectMapper JSON = new ObjectMapper();

    static final String SESSION = "{\"id\":\"cksess_123\",\"object\":\"chatkit.session\",\"expires_at\":1764130200,"
            + "\"client_secret\":\"ek_secret_abc\",\"workflow\":{\"id\":\"wf_1\",\"version\":\"3\","
            + "\"state_variables\":{\"lang\":\"de\"},\"tracing\":{\"enabled\":true}},\"user\":\"user-1\","
            + "\"rate_limits\":{\"max_requests_per_1_minute\":10},\"max_requests_per_1_minute\":10,"
            + "\"status\":\"active\",\"chatkit_configuration\":{\"automatic_thread_titling\":{\"enabled\":true},"
            + "\"file_upload\":{\"enabled\":false,\"max_file_size\":512,\"max_files\":10},"
            + "\"history\":{\"enabled\":true,\"recent_threads\":null}},\"brand_new_field\":{\"x\":1}}";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private ChatKitClient.Builder builder() {
        return ChatKitClient.builder().apiKey(KEY).baseUrl(server.url("/v1").toString())
                .retryPolicy(RetryPolicy.builder().sleeper(d -> CompletableFuture.completedFuture(null)).build());
    }

    private ChatKitClient client() {
        return builder().defaultWorkflowId("wf_default").build();
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static JsonNode body(RecordedRequest request) throws Exception {
        return JSON.readTree(request.getBody().utf8());
    }

    private static void assertChatKitHeaders(RecordedRequest request) {
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.getHeaders().get("OpenAI-Beta")).isEqualTo("chatkit_beta=v1");
        assertThat(request.getHeaders().get("User-Agent")).startsWith("interview-chatkit/");
    }

    @Test
    void createSessionWithDefaultsSendsUserAndDefaultWorkflow() throws Exception {
        server.enqueue(json(SESSION));

        ChatKitSession session = client().createSession(CreateSessionRequest.of("user-1"));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chatkit/sessions");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertChatKitHeaders(request);
        assertThat(body(request)).isEqualTo(JSON.readTree("{\"user\":\"user-1\",\"workflow\":{\"id\":\"wf_default\"}}"));
        assertThat(session.id()).isEqualTo("cksess_123");
        assertThat(session.clientSecret()).isEqualTo("ek_secret_abc");
    }

    @Test
    void createSessionSendsEveryField() throws Exception {
        server.enqueue(json(SESSION));
        CreateSessionRequest request = CreateSessionRequest.builder("user-1")
                .workflowId("wf_1")
                .workflowVersion("3")
                .stateVariable("lang", "de")
                .stateVariable("turns", 5)
                .stateVariable("beta", true)
                .tracingEnabled(false)
                .automaticThreadTitling(false)
                .fileUpload(true, 16, 2)
                .history(true, 5)
                .expiresAfter(Duration.ofMinutes(15))
                .maxRequestsPerMinute(20)
                .build();

        client().createSession(request);

        assertThat(body(server.takeRequest())).isEqualTo(JSON.readTree("{\"user\":\"user-1\","
                + "\"workflow\":{\"id\":\"wf_1\",\"version\":\"3\",\"state_variables\":{\"lang\":\"de\",\"turns\":5,"
                + "\"beta\":true},\"tracing\":{\"enabled\":false}},"
                + "\"chatkit_configuration\":{\"automatic_thread_titling\":{\"enabled\":false},"
                + "\"file_upload\":{\"enabled\":true,\"max_file_size\":16,\"max_files\":2},"
                + "\"history\":{\"enabled\":true,\"recent_threads\":5}},"
                + "\"expires_after\":{\"anchor\":\"created_at\",\"seconds\":900},"
                + "\"rate_limits\":{\"max_requests_per_1_minute\":20}}"));
    }

    @Test
    void successfulSessionCarriesTheUpstreamRequestIdOutsideItsJson() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .addHeader("x-request-id", "req_ok_42").body(SESSION).build());
        server.enqueue(json(SESSION));

        ChatKitSession session = client().createSession(CreateSessionRequest.of("user-1"));
        ChatKitSession withoutHeader = client().createSession(CreateSessionRequest.of("user-1"));

        assertThat(session.requestId()).isEqualTo("req_ok_42");
        assertThat(session.toString()).contains("req_ok_42").doesNotContain("ek_secret_abc");
        assertThat(withoutHeader.requestId()).isNull();
        JsonNode written = JSON.readTree(JSON.writeValueAsString(session));
        assertThat(written.has("requestId")).isFalse();
        assertThat(written.has("request_id")).isFalse();
        assertThat(written.get("client_secret").asText()).isEqualTo("ek_secret_abc");
    }

    @Test
    void cancelledSessionCarriesTheUpstreamRequestId() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .addHeader("x-request-id", "req_cancel_7").body(SESSION).build());

        assertThat(client().cancelSession("cksess_123").requestId()).isEqualTo("req_cancel_7");
    }

    @Test
    void defaultWorkflowVersionAndRequestStateAreMerged() throws Exception {
        server.enqueue(json(SESSION));
        ChatKitClient client = builder().defaultWorkflowId("wf_default").defaultWorkflowVersion("7").build();

        client.createSession(CreateSessionRequest.builder("u").stateVariable("k", "v").build());

        assertThat(body(server.takeRequest()).get("workflow")).isEqualTo(JSON.readTree(
                "{\"id\":\"wf_default\",\"version\":\"7\",\"state_variables\":{\"k\":\"v\"}}"));
    }

    @Test
    void createSessionWithoutAnyWorkflowIsRejectedWithAHint() {
        ChatKitClient client = builder().build();

        assertThatThrownBy(() -> client.createSession(CreateSessionRequest.of("u")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OPENAI_WORKFLOW_ID");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void sessionAnswerIsReadCompletelyAndUnknownFieldsAreIgnored() {
        server.enqueue(json(SESSION));

        ChatKitSession session = client().createSession(CreateSessionRequest.of("user-1"));

        assertThat(session.object()).isEqualTo("chatkit.session");
        assertThat(session.expiresAt()).isEqualTo(1764130200L);
        assertThat(session.expiresAtInstant()).hasToString("2025-11-26T04:10:00Z");
        assertThat(session.workflow()).isEqualTo(new ChatKitSession.Workflow("wf_1", "3", Map.of("lang", "de"),
                new ChatKitSession.Tracing(true)));
        assertThat(session.user()).isEqualTo("user-1");
        assertThat(session.rateLimits().maxRequestsPer1Minute()).isEqualTo(10);
        assertThat(session.maxRequestsPer1Minute()).isEqualTo(10);
        assertThat(session.status()).isEqualTo(ChatKitSession.STATUS_ACTIVE);
        assertThat(session.chatkitConfiguration()).isEqualTo(new ChatKitSession.ChatKitConfiguration(
                new ChatKitSession.AutomaticThreadTitling(true), new ChatKitSession.FileUpload(false, 512, 10),
                new ChatKitSession.History(true, null)));
    }

    @Test
    void sessionToStringHidesTheClientSecret() {
        server.enqueue(json(SESSION));

        ChatKitSession session = client().createSession(CreateSessionRequest.of("user-1"));

        assertThat(session.toString()).doesNotContain("ek_secret_abc").contains("clientSecret=<redacted>")
                .contains("cksess_123");
    }

    @Test
    void unknownStatusStaysAString() {
        server.enqueue(json(SESSION.replace("\"status\":\"active\"", "\"status\":\"paused_for_review\"")));

        assertThat(client().createSession(CreateSessionRequest.of("u")).status()).isEqualTo("paused_for_review");
    }

    @Test
    void createSessionAsyncCompletesWithTheSession() {
        server.enqueue(json(SESSION));

        CompletableFuture<ChatKitSession> future = client().createSessionAsync(CreateSessionRequest.of("u"));

        assertThat(future.join().id()).isEqualTo("cksess_123");
    }

    @Test
    void upstreamBadRequestKeepsTheUpstreamMessage() {
        server.enqueue(new MockResponse.Builder().code(400).addHeader("x-request-id", "req_9")
                .body("{\"error\":{\"message\":\"Workflow with id 'wf_x' not found.\",\"type\":\"invalid_request_error\","
                        + "\"param\":\"workflow.id\",\"code\":null}}").build());

        assertThatThrownBy(() -> client().createSession(CreateSessionRequest.of("u")))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.errorMessage()).isEqualTo("Workflow with id 'wf_x' not found.");
                    assertThat(e.param()).isEqualTo("workflow.id");
                    assertThat(e.code()).isNull();
                    assertThat(e.requestId()).isEqualTo("req_9");
                });
    }

    @Test
    void cancelSessionPostsToTheCancelPathWithoutBody() throws Exception {
        server.enqueue(json(SESSION.replace("\"status\":\"active\"", "\"status\":\"cancelled\"")));

        ChatKitSession session = client().cancelSession("cksess_123");

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chatkit/sessions/cksess_123/cancel");
        assertThat(request.getBodySize()).isZero();
        assertChatKitHeaders(request);
        assertThat(session.status()).isEqualTo(ChatKitSession.STATUS_CANCELLED);
    }

    @Test
    void idsAreEncodedAsOnePathSegment() throws Exception {
        server.enqueue(json(SESSION));

        client().cancelSession("a/b c");

        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/chatkit/sessions/a%2Fb%20c/cancel");
    }

    @Test
    void blankIdsAreRejected() {
        assertThatThrownBy(() -> client().retrieveThread(" ")).hasMessage("threadId must not be blank");
        assertThatThrownBy(() -> client().cancelSession(null)).hasMessage("sessionId must not be blank");
    }

    @Test
    void listThreadsSendsEveryQueryParameter() throws Exception {
        server.enqueue(json("{\"object\":\"list\",\"data\":[{\"id\":\"cthr_1\",\"object\":\"chatkit.thread\","
                + "\"created_at\":1700000000,\"title\":null,\"status\":{\"type\":\"locked\",\"reason\":\"abuse\"},"
                + "\"user\":\"user-1\",\"new\":1}],\"first_id\":\"cthr_1\",\"last_id\":\"cthr_1\",\"has_more\":true}"));

        Page<ChatKitThread> page = client().listThreads(ListOptions.builder().user("user 1").limit(5)
                .order(ListOptions.ASC).after("cthr_0").before("cthr_9").build());

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getTarget())
                .isEqualTo("/v1/chatkit/threads?user=user%201&limit=5&order=asc&after=cthr_0&before=cthr_9");
        assertChatKitHeaders(request);
        assertThat(page.hasMore()).isTrue();
        assertThat(page.after()).isEqualTo("cthr_1");
        assertThat(page.data()).containsExactly(new ChatKitThread("cthr_1", "chatkit.thread", 1700000000L, null,
                new ChatKitThread.Status(ChatKitThread.Status.LOCKED, "abuse"), "user-1"));
    }

    @Test
    void listThreadsWithDefaultsSendsNoQuery() throws Exception {
        server.enqueue(json("{\"object\":\"list\",\"data\":[],\"first_id\":null,\"last_id\":null,\"has_more\":false}"));

        Page<ChatKitThread> page = client().listThreadsAsync(ListOptions.defaults()).join();

        assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/chatkit/threads");
        assertThat(page.data()).isEmpty();
        assertThat(page.after()).isNull();
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void retrieveThreadGetsOneThread() throws Exception {
        server.enqueue(json("{\"id\":\"cthr_1\",\"object\":\"chatkit.thread\",\"created_at\":1,\"title\":\"Hi\","
                + "\"status\":{\"type\":\"active\"},\"user\":\"u\"}"));

        ChatKitThread thread = client().retrieveThread("cthr_1");

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getTarget()).isEqualTo("/v1/chatkit/threads/cthr_1");
        assertChatKitHeaders(request);
        assertThat(thread.title()).isEqualTo("Hi");
        assertThat(thread.status()).isEqualTo(new ChatKitThread.Status("active", null));
    }

    @Test
    void retrieveMissingThreadIsNotFound() {
        server.enqueue(new MockResponse.Builder().code(404).body("{\"error\":{\"message\":\"No thread\"}}").build());

        assertThatThrownBy(() -> client().retrieveThread("cthr_x")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deleteThreadSendsDelete() throws Exception {
        server.enqueue(json("{\"id\":\"cthr_1\",\"object\":\"chatkit.thread.deleted\",\"deleted\":true}"));

        ChatKitThread.Deleted deleted = client().deleteThread("cthr_1");

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("DELETE");
        assertThat(request.getTarget()).isEqualTo("/v1/chatkit/threads/cthr_1");
        assertChatKitHeaders(request);
        assertThat(deleted).isEqualTo(new ChatKitThread.Deleted("cthr_1", "chatkit.thread.deleted", true));
    }

    @Test
    void listItemsSendsPagingParameters() throws Exception {
        server.enqueue(json("{\"object\":\"list\",\"data\":[],\"first_id\":null,\"last_id\":null,\"has_more\":false}"));

        client().listItems("cthr_1", ListOptions.builder().limit(3).order("desc").before("cthi_9").build());

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getTarget()).isEqualTo("/v1/chatkit/threads/cthr_1/items?limit=3&order=desc&before=cthi_9");
        assertChatKitHeaders(request);
    }

    @Test
    void listItemsRejectsAUserFilter() {
        assertThatThrownBy(() -> client().listItems("cthr_1", ListOptions.builder().user("u").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listThreads only");
    }

    @Test
    void listAllItemsFollowsTheCursor() throws Exception {
        server.enqueue(json("{\"data\":[{\"id\":\"cthi_1\",\"type\":\"chatkit.task\"}],\"last_id\":\"cthi_1\","
                + "\"has_more\":true}"));
        server.enqueue(json("{\"data\":[{\"id\":\"cthi_2\",\"type\":\"chatkit.task\"}],\"last_id\":\"cthi_2\","
                + "\"has_more\":false}"));

        List<ThreadItem> items = client().listAllItems("cthr_1");

        assertThat(items).extracting(ThreadItem::id).containsExactly("cthi_1", "cthi_2");
        assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/chatkit/threads/cthr_1/items?limit=100&order=asc");
        assertThat(server.takeRequest().getTarget())
                .isEqualTo("/v1/chatkit/threads/cthr_1/items?limit=100&order=asc&after=cthi_1");
    }

    @Test
    void answerOfTheWrongShapeIsABadResponse() {
        server.enqueue(json("{\"id\":{\"nested\":true},\"expires_at\":\"soon\",\"client_secret\":\"ek_1\"}"));

        assertThatThrownBy(() -> client().createSession(CreateSessionRequest.of("u")))
                .isInstanceOf(OpenAiBadResponseException.class)
                .hasMessageContaining("ChatKitSession");
    }

    @Test
    void sessionWithoutAClientSecretStringIsABadResponse() {
        for (String secret : List.of("", ",\"client_secret\":null", ",\"client_secret\":42", ",\"client_secret\":\" \"")) {
            server.enqueue(json("{\"id\":\"cksess_1\",\"expires_at\":1764130200" + secret + "}"));

            assertThatThrownBy(() -> client().createSession(CreateSessionRequest.of("u")))
                    .isInstanceOf(OpenAiBadResponseException.class)
                    .hasMessageContaining("client_secret");
        }
    }

    @Test
    void projectAndOrganizationHeadersAreSentWhenConfigured() throws Exception {
        server.enqueue(json(SESSION));
        ChatKitClient client = builder().defaultWorkflowId("wf").projectId("proj_1").organizationId("org_1").build();

        client.createSession(CreateSessionRequest.of("u"));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("OpenAI-Project")).isEqualTo("proj_1");
        assertThat(request.getHeaders().get("OpenAI-Organization")).isEqualTo("org_1");
    }

    @Test
    void oneClientServesManyConcurrentCalls() {
        for (int i = 0; i < 40; i++) {
            server.enqueue(json(SESSION));
        }
        ChatKitClient client = client();

        List<CompletableFuture<ChatKitSession>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calls.add(client.createSessionAsync(CreateSessionRequest.of("user-" + i)));
        }

        assertThat(calls).allSatisfy(f -> assertThat(f.join().id()).isEqualTo("cksess_123"));
        assertThat(server.getRequestCount()).isEqualTo(40);
    }

    @Test
    void cancellingTheFutureAbortsTheRequest() {
        server.enqueue(new MockResponse.Builder().headersDelay(10, java.util.concurrent.TimeUnit.SECONDS)
                .body(SESSION).build());
        RecordingHttpClient httpClient = new RecordingHttpClient();
        ChatKitClient client = builder().defaultWorkflowId("wf").httpClient(httpClient).build();

        CompletableFuture<ChatKitSession> call = client.createSessionAsync(CreateSessionRequest.of("u"));
        call.cancel(true);

        assertThat(call).isCancelled();
        assertThat(httpClient.sends).hasSize(1);
        assertThat(httpClient.aborted(0)).as("the HTTP request was aborted").isTrue();
    }

    @Test
    void cancellingListAllItemsAbortsThePageRequest() {
        server.enqueue(new MockResponse.Builder().headersDelay(10, java.util.concurrent.TimeUnit.SECONDS)
                .body("{\"data\":[]}").build());
        RecordingHttpClient httpClient = new RecordingHttpClient();
        ChatKitClient client = builder().httpClient(httpClient).build();

        CompletableFuture<List<ThreadItem>> call = client.listAllItemsAsync("cthr_1");
        call.cancel(true);

        assertThat(httpClient.sends).hasSize(1);
        assertThat(httpClient.aborted(0)).as("the HTTP request was aborted").isTrue();
    }
}
