package com.landki.interview.servlet.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.landki.interview.servlet.InterviewApiOptions;
import com.landki.interview.servlet.RateLimits;
import com.landki.interview.servlet.internal.Json;
import com.landki.interview.chatkit.ChatKitClient;
import com.landki.interview.classify.ScopeClassifier;
import com.landki.interview.openai.RetryPolicy;
import com.landki.interview.classify.ThreadClassifier;
import com.landki.interview.store.InterviewStore;
import com.landki.interview.store.StoreConfig;
import com.landki.interview.testing.OpenAiAnswers;
import com.landki.interview.testing.ServletContainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The HTTP contract of the API (docs/integration.md), run against every container by a subclass. Each test speaks as its
 * own client IP (through the trusted loopback proxy), so rate limits of one test never touch another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
abstract class ApiContract {

    static final String TOKEN = "contract-admin-token";
    static final String ALLOWED = "https://allowed.example";
    private static final AtomicInteger NEXT_IP = new AtomicInteger(1);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final StickyUpstream upstream = new StickyUpstream();
    private final FakeThreads threads = new FakeThreads();
    private MockWebServer upstreamServer;
    private ServletContainer container;
    private Path storeDir;
    private InterviewStore store;
    private String clientIp;

    /** The container this run of the contract uses. */
    abstract ServletContainer.Kind kind();

    @BeforeAll
    void startContainer() throws Exception {
        // the real JSONL store, so "stored exactly once" is checked on disk
        storeDir = Files.createTempDirectory("contract-store");
        store = InterviewStore.open(StoreConfig.builder().type(StoreConfig.TYPE_JSONL).logDir(storeDir).build());
        upstreamServer = new MockWebServer();
        upstreamServer.setDispatcher(upstream);
        upstreamServer.start();
        InterviewApiOptions options = InterviewApiOptions.builder()
                .security(s -> s.adminToken(TOKEN).allowedOrigins(ALLOWED).allowedHosts("interview.example")
                        .trustedProxies("127.0.0.1", "::1"))
                .store(store)
                .backend(b -> b.threadClassifier(ThreadClassifier.builder().reader(threads)
                        .classifier(ScopeClassifier.ofDefaults()).build())
                        .chatKitClient(ChatKitClient.builder()
                                .apiKey("sk-contract-secret")
                                .baseUrl(upstreamServer.url("/v1").toString())
                                .defaultWorkflowId("wf_contract")
                                .requestTimeout(Duration.ofMillis(700))
                                .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(5))
                                        .maxBackoff(Duration.ofMillis(20)).maxRetryAfter(Duration.ofMillis(20))
                                        .deadline(Duration.ofSeconds(5)).build())
                                .build()))
                .build();
        container = MountedApi.start(kind(), options);
    }

    @AfterAll
    void stopContainer() throws Exception {
        container.close();
        upstreamServer.close();
        store.close();
    }

    @BeforeEach
    void newClient() {
        int n = NEXT_IP.getAndIncrement();
        clientIp = "198.51." + (n / 250) + "." + (n % 250 + 1);
        upstream.answer(StickyUpstream.session("cksess_default", "ek_default"));
    }

    // ---- public endpoints

    @Test
    void healthAnswersStatusVersionAndStore() throws Exception {
        HttpResponse<String> res = get("/interview/api/health");
        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode body = json(res);
        assertThat(body.path("status").asText()).isEqualTo("ok");
        assertThat(body.path("version").asText()).isNotBlank();
        assertThat(body.path("chatkit_configured").asBoolean()).isTrue();
        assertThat(body.path("store").asText()).isEqualTo("jsonl");
        assertThat(res.body()).doesNotContain("sk-").doesNotContain(TOKEN);
    }

    @Test
    void configGivesPageSettings() throws Exception {
        JsonNode body = json(get("/interview/api/config"));
        assertThat(body.path("greeting").asText()).isNotBlank();
        assertThat(body.path("prompts").isArray()).isTrue();
        assertThat(body.path("prompts").get(0).path("label").asText()).isNotBlank();
        assertThat(body.path("composer_placeholder").asText()).isNotBlank();
        assertThat(body.has("domain_key")).isTrue();
        assertThat(body.path("feedback_categories").toString()).contains("out_of_scope");
        assertThat(body.path("backend").asText()).isEqualTo("hosted");
        assertThat(body.path("session_url").asText()).isEqualTo("/interview/api/chatkit/session");
        assertThat(body.path("ui").asText()).isEqualTo("auto");
        // OpenAI's server takes the uploads of the hosted backend, under the session's file_upload
        assertThat(body.path("attachments").toString()).isEqualTo("{\"enabled\":false}");
        assertThat(body.path("dictation").toString()).isEqualTo("{\"enabled\":false}");
    }

    // ---- sessions

    @Test
    void aBarePostWithoutLengthOrChunkingIsASessionRequestWithoutABody() throws Exception {
        // curl -X POST and wrk send no Content-Length: by RFC 9112 the body is empty, so nothing is waited for
        upstream.answer(StickyUpstream.session("cksess_bare", "ek_secret_bare"));
        String answer = raw("POST /interview/api/chatkit/session HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200");
        assertThat(answer).contains("\"client_secret\":\"ek_secret_bare\"");
    }

    @Test
    void sessionReturnsClientSecretAndSetsSignedUserCookie() throws Exception {
        upstream.answer(StickyUpstream.session("cksess_1", "ek_secret_1"));
        int before = upstreamServer.getRequestCount();
        HttpResponse<String> res = send("POST", "/interview/api/chatkit/session", null, null);
        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode body = json(res);
        assertThat(body.path("client_secret").asText()).isEqualTo("ek_secret_1");
        assertThat(body.path("session_id").asText()).isEqualTo("cksess_1");
        assertThat(body.path("expires_at").asLong()).isEqualTo(OpenAiAnswers.SESSION_EXPIRES_AT);
        String cookie = res.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("interview_uid=u_").contains("HttpOnly").contains("SameSite=Lax")
                .contains("Path=/interview/api").doesNotContain("Secure");
        RecordedRequest upstreamCall = lastUpstreamRequest(before);
        assertThat(upstreamCall.getMethod()).isEqualTo("POST");
        assertThat(upstreamCall.getUrl().encodedPath()).isEqualTo("/v1/chatkit/sessions");
        assertThat(upstreamCall.getHeaders().get("Authorization")).isEqualTo("Bearer sk-contract-secret");
        assertThat(upstreamCall.getHeaders().get("OpenAI-Beta")).isEqualTo("chatkit_beta=v1");
        JsonNode sent = Json.MAPPER.readTree(upstreamCall.getBody().utf8());
        String userId = cookie.substring("interview_uid=".length(), cookie.indexOf('.'));
        assertThat(sent.path("user").asText()).isEqualTo(userId);
        assertThat(sent.path("workflow").path("id").asText()).isEqualTo("wf_contract");
        assertThat(sent.path("chatkit_configuration").path("file_upload").path("enabled").asBoolean(true)).isFalse();
        assertThat(res.body()).doesNotContain("sk-contract-secret");
        // the upstream's x-request-id of a successful session is returned and logged with the event
        assertThat(res.headers().firstValue("x-request-id")).contains("req_ok_1");
        JsonNode created = null;
        for (JsonNode entry : json(admin("GET", "/interview/api/admin/logs?type=chat&limit=500", null)).path("entries")) {
            if ("cksess_1".equals(entry.path("session_id").asText())) {
                created = entry;
            }
        }
        assertThat(created).isNotNull();
        assertThat(created.path("type").asText()).isEqualTo("session.created");
        assertThat(created.path("upstream_request_id").asText()).isEqualTo("req_ok_1");
    }

    @Test
    void sessionKeepsTheUserOfAValidCookie() throws Exception {
        HttpResponse<String> first = send("POST", "/interview/api/chatkit/session", null, null);
        String cookie = cookieValue(first);
        int before = upstreamServer.getRequestCount();
        HttpResponse<String> second = send("POST", "/interview/api/chatkit/session",
                "{\"current_client_secret\":\"ek_default\"}", "application/json", "Cookie", "interview_uid=" + cookie);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("Set-Cookie")).isEmpty();
        String userId = cookie.substring(0, cookie.indexOf('.'));
        assertThat(Json.MAPPER.readTree(lastUpstreamRequest(before).getBody().utf8()).path("user").asText())
                .isEqualTo(userId);
    }

    @Test
    void cookieIsSecureBehindAnHttpsProxy() throws Exception {
        HttpResponse<String> res = send("POST", "/interview/api/chatkit/session", null, null,
                "X-Forwarded-Proto", "https");
        assertThat(res.headers().firstValue("Set-Cookie").orElseThrow()).endsWith("; Secure");
    }

    @Test
    void forgedCookieIsReplacedNotTrusted() throws Exception {
        String forged = "u_00000000000000000000000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        int before = upstreamServer.getRequestCount();
        HttpResponse<String> res = send("POST", "/interview/api/chatkit/session", null, null,
                "Cookie", "interview_uid=" + forged);
        assertThat(res.statusCode()).isEqualTo(200);
        String fresh = cookieValue(res);
        assertThat(fresh).isNotEqualTo(forged).startsWith("u_");
        assertThat(lastUpstreamRequest(before).getBody().utf8()).doesNotContain("u_00000000000000000000000000000000");
    }

    @Test
    void upstream400BecomesUpstreamBadRequestWithRequestId() throws Exception {
        upstream.answer(StickyUpstream.error(400, "Missing required parameter: 'workflow.id'.", "req_400"));
        int before = upstreamServer.getRequestCount();
        HttpResponse<String> res = send("POST", "/interview/api/chatkit/session", null, null);
        assertThat(upstreamServer.getRequestCount() - before).as("400 is never retried").isEqualTo(1);
        assertError(res, 502, "upstream_bad_request");
        assertThat(errorMessage(res)).contains("workflow.id");
        assertThat(res.headers().firstValue("x-request-id")).contains("req_400");
    }

    @Test
    void upstream401BecomesUpstreamUnauthorized() throws Exception {
        upstream.answer(StickyUpstream.error(401, "Incorrect API key provided: sk-contr*****cret.", "req_401"));
        HttpResponse<String> res = send("POST", "/interview/api/chatkit/session", null, null);
        assertError(res, 502, "upstream_unauthorized");
        assertThat(errorMessage(res)).contains("OPENAI_API_KEY").doesNotContain("sk-");
        assertThat(res.headers().firstValue("x-request-id")).contains("req_401");
    }

    @Test
    void upstream429BecomesRateLimitedWithRetryAfter() throws Exception {
        upstream.answer(StickyUpstream.error(429, "Rate limit reached", "req_429"));
        HttpResponse<String> res = send("POST", "/interview/api/chatkit/session", null, null);
        assertError(res, 503, "upstream_rate_limited");
        assertThat(res.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void upstream5xxBecomesUpstreamError() throws Exception {
        upstream.answer(StickyUpstream.error(503, "overloaded", "req_503"));
        int before = upstreamServer.getRequestCount();
        double retriesBefore = upstreamRetries();
        HttpResponse<String> res = send("POST", "/interview/api/chatkit/session", null, null);
        assertError(res, 502, "upstream_error");
        assertThat(upstreamServer.getRequestCount() - before).as("attempts").isEqualTo(3);
        // the client was passed in code, not built from the environment: its retries are counted all the same
        assertThat(upstreamRetries() - retriesBefore).as("counted retries").isEqualTo(2.0);
        assertThat(res.headers().firstValue("x-request-id")).contains("req_503");
    }

    @Test
    void upstreamSessionAnswersThatCannotBeUsedBecome502UpstreamBadResponse() throws Exception {
        for (String body : List.of("<html>gateway says hi</html>", "{\"id\":\"cksess_x\",\"client_secret\":null}",
                "{\"id\":\"cksess_x\",\"client_secret\":42}", "{\"id\":\"cksess_x\"}", "[]")) {
            upstream.answer(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .addHeader("x-request-id", "req_bad").body(body).build());
            HttpResponse<String> res = send("POST", "/interview/api/chatkit/session", null, null);
            assertError(res, 502, "upstream_bad_response");
            assertThat(res.body()).as(body).doesNotContain("gateway says hi");
            assertThat(res.headers().firstValue("x-request-id")).as(body).contains("req_bad");
        }
    }

    @Test
    void anUpstreamRequestIdThatIsLongOrNotPrintableIsNotEchoed() throws Exception {
        String huge = "r".repeat(20_000);
        upstream.answer(OpenAiAnswers.chatKitSession("cksess_long_id", "ek_long_id")
                .addHeader("x-request-id", huge).build());
        HttpResponse<String> res = send("POST", "/interview/api/chatkit/session", null, null);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("x-request-id")).isEmpty();
        assertThat(Json.MAPPER.readTree(res.body()).path("client_secret").asText()).isEqualTo("ek_long_id");
    }

    @Test
    void upstreamTimeoutBecomes504() throws Exception {
        upstream.answer(StickyUpstream.slow(Duration.ofSeconds(3)));
        HttpResponse<String> res = send("POST", "/interview/api/chatkit/session", null, null);
        assertError(res, 504, "upstream_timeout");
    }

    @Test
    void sessionBodyMustBeAnObjectWithAStringSecret() throws Exception {
        assertError(send("POST", "/interview/api/chatkit/session", "{\"current_client_secret\":5}", "application/json"),
                400, "validation_failed");
        assertThat(errorMessage(send("POST", "/interview/api/chatkit/session", "{\"current_client_secret\":5}",
                "application/json"))).contains("current_client_secret");
    }

    // ---- classify

    @Test
    void classifiesTextAndLogsTheEvent() throws Exception {
        HttpResponse<String> res = send("POST", "/interview/api/classify",
                "{\"user_question\":\"Wetter?\",\"assistant_reply\":\"Dazu liegen mir keine Informationen vor.\"}",
                "application/json");
        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode body = json(res);
        assertThat(body.path("out_of_scope").asBoolean()).isTrue();
        assertThat(body.path("source").asText()).isEqualTo("marker");
        assertThat(body.path("marker").asText()).isNotBlank();
        JsonNode logs = json(admin("GET", "/interview/api/admin/logs?type=chat&limit=500", null));
        assertThat(logs.path("entries").toString()).contains("response.classified").contains("Wetter?");
    }

    @Test
    void classifiesOwnThreadAndHidesForeignThreads() throws Exception {
        HttpResponse<String> first = send("POST", "/interview/api/classify", "{\"thread_id\":\"thr_b\"}",
                "application/json");
        assertError(first, 404, "thread_not_found");
        String cookie = cookieValue(first);
        threads.own(cookie.substring(0, cookie.indexOf('.')));
        HttpResponse<String> mine = send("POST", "/interview/api/classify", "{\"thread_id\":\"thr_a\"}",
                "application/json", "Cookie", "interview_uid=" + cookie);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(json(mine).path("source").asText()).isEqualTo("structured");
        assertThat(json(mine).path("out_of_scope").asBoolean()).isTrue();
        newClient();
        HttpResponse<String> foreign = send("POST", "/interview/api/classify", "{\"thread_id\":\"thr_a\"}",
                "application/json");
        assertError(foreign, 404, "thread_not_found");
    }

    @Test
    void classifyNeedsAReplyOrAThread() throws Exception {
        HttpResponse<String> res = send("POST", "/interview/api/classify", "{}", "application/json");
        assertError(res, 400, "validation_failed");
        assertThat(errorMessage(res)).contains("assistant_reply");
    }

    // ---- feedback

    @Test
    void feedbackIsStoredAndListedNewestFirst() throws Exception {
        String first = postFeedback("{\"session_id\":\"s-list\",\"user_question\":\"Q1?\",\"assistant_reply\":\"A1\"}");
        String second = postFeedback("{\"session_id\":\"s-list\",\"user_question\":\"Q2?\",\"assistant_reply\":\"A2\","
                + "\"category\":\"wrong_answer\",\"comment\":\"falsch\"}");
        JsonNode list = json(admin("GET", "/interview/api/feedback/list?limit=2", null));
        assertThat(list.path("count").asInt()).isEqualTo(2);
        assertThat(list.path("entries").get(0).path("id").asText()).isEqualTo(second);
        assertThat(list.path("entries").get(1).path("id").asText()).isEqualTo(first);
        assertThat(list.path("entries").get(1).path("category").asText()).isEqualTo("out_of_scope");
        assertThat(list.path("entries").get(0).path("ip").asText()).endsWith(".0");
    }

    @Test
    void feedbackAnswers201WithIdAndTs() throws Exception {
        HttpResponse<String> res = send("POST", "/interview/api/feedback",
                "{\"session_id\":\"demo\",\"user_question\":\"Q?\",\"assistant_reply\":\"A\",\"category\":\"out_of_scope\"}",
                "application/json");
        assertThat(res.statusCode()).isEqualTo(201);
        assertThat(json(res).path("id").asText()).startsWith("fb_");
        assertThat(json(res).path("ts").asText()).isNotBlank();
    }

    @Test
    void rejectsMalformedJson() throws Exception {
        assertError(send("POST", "/interview/api/feedback", "{\"session_id\": ", "application/json"), 400,
                "invalid_json");
    }

    @Test
    void rejectsAnythingAfterTheObjectAndKeysNamedTwice() throws Exception {
        for (String body : List.of("{\"session_id\":\"s-strict\"} trailing", "{\"session_id\":\"s-strict\"}{}",
                "{\"session_id\":\"s-strict\",\"session_id\":\"s-strict-2\"}")) {
            HttpResponse<String> res = send("POST", "/interview/api/feedback", body, "application/json");
            assertError(res, 400, "invalid_json");
        }
        assertThat(errorMessage(send("POST", "/interview/api/feedback", "{\"session_id\":\"s-strict\",\"session_id\":\"s-strict-2\"}",
                "application/json"))).contains("session_id");
        assertThat(json(admin("GET", "/interview/api/feedback/list?limit=500", null)).toString()).doesNotContain("s-strict");
    }

    @Test
    void rejectsNumbersAndFlagsOfTheWrongTypeInsteadOfCoercingThem() throws Exception {
        for (String rating : List.of("4.5", "4.0", "\"4\"", "true")) {
            HttpResponse<String> res = admin("POST", "/interview/api/admin/feedback",
                    "{\"session_id\":\"s-coerce\",\"rating\":" + rating + "}");
            assertError(res, 400, "validation_failed");
            assertThat(errorMessage(res)).as(rating).contains("rating");
        }
        HttpResponse<String> number = send("POST", "/interview/api/feedback", "{\"session_id\":5}", "application/json");
        assertError(number, 400, "validation_failed");
        assertThat(errorMessage(number)).contains("session_id");
    }

    @Test
    void rejectsJsonThatIsNotAnObject() throws Exception {
        HttpResponse<String> res = send("POST", "/interview/api/feedback", "[1,2]", "application/json");
        assertError(res, 400, "validation_failed");
        assertThat(errorMessage(res)).contains("body");
    }

    @Test
    void rejectsWrongFieldTypesNamingTheField() throws Exception {
        HttpResponse<String> res = send("POST", "/interview/api/feedback", "{\"session_id\":\"t\",\"user_question\":42}", "application/json");
        assertError(res, 400, "validation_failed");
        assertThat(errorMessage(res)).contains("user_question");
        HttpResponse<String> category = send("POST", "/interview/api/feedback", "{\"session_id\":\"t\",\"category\":\"nonsense\"}",
                "application/json");
        assertError(category, 400, "validation_failed");
        assertThat(errorMessage(category)).contains("category");
    }

    @Test
    void feedbackNeedsASessionId() throws Exception {
        HttpResponse<String> res = send("POST", "/interview/api/feedback", "{\"comment\":\"x\"}", "application/json");
        assertError(res, 400, "validation_failed");
        assertThat(errorMessage(res)).contains("session_id");
    }

    @Test
    void rejectsOversizedBody() throws Exception {
        String big = "{\"comment\":\"" + "x".repeat(70 * 1024) + "\"}";
        assertError(send("POST", "/interview/api/feedback", big, "application/json"), 413, "payload_too_large");
    }

    @Test
    void aChunkedBodyWithBrokenFramingIs400Json() throws Exception {
        // "zz" is no chunk size: the container fails the read; before, the request ended as an empty 200
        String answer = raw("POST /interview/api/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).contains("application/json").contains("\"invalid_body\"");
        assertThat(answer.toLowerCase(java.util.Locale.ROOT)).contains("connection: close");
    }

    @Test
    void rejectsWrongContentType() throws Exception {
        assertError(send("POST", "/interview/api/feedback", "session_id=x", "application/x-www-form-urlencoded"), 415,
                "unsupported_media_type");
        assertError(send("POST", "/interview/api/feedback", "{}", "text/plain"), 415, "unsupported_media_type");
    }

    @Test
    void rejectsWrongMethodWithAllow() throws Exception {
        HttpResponse<String> res = get("/interview/api/feedback");
        assertError(res, 405, "method_not_allowed");
        assertThat(res.headers().firstValue("Allow").orElseThrow()).contains("POST");
        HttpResponse<String> health = send("DELETE", "/interview/api/health", null, null);
        assertError(health, 405, "method_not_allowed");
        assertThat(health.headers().firstValue("Allow").orElseThrow()).contains("GET");
    }

    @Test
    void headAnswersLikeGetWithoutABody() throws Exception {
        HttpResponse<String> head = send("HEAD", "/interview/api/health", null, null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void unknownPathIsJson404() throws Exception {
        assertError(get("/interview/api/nope"), 404, "not_found");
    }

    @Test
    void rejectsBadLimits() throws Exception {
        for (String bad : List.of("0", "501", "abc", "-1", "2.5")) {
            HttpResponse<String> res = admin("GET", "/interview/api/feedback/list?limit=" + bad, null);
            assertError(res, 400, "validation_failed");
            assertThat(errorMessage(res)).contains("limit");
        }
        assertThat(admin("GET", "/interview/api/feedback/list?limit=500", null).statusCode()).isEqualTo(200);
        assertThat(admin("GET", "/interview/api/admin/logs?limit=1", null).statusCode()).isEqualTo(200);
    }

    @Test
    void rateLimitAnswers429WithRetryAfter() throws Exception {
        int limit = RateLimits.defaults().feedbackPerMin();
        for (int i = 0; i < limit; i++) {
            assertThat(send("POST", "/interview/api/feedback", "{\"session_id\":\"rl\"}", "application/json")
                    .statusCode()).isEqualTo(201);
        }
        // a slow machine may have refilled a token or two meanwhile (one per 2 s): keep going, boundedly
        HttpResponse<String> res = send("POST", "/interview/api/feedback", "{\"session_id\":\"rl\"}", "application/json");
        for (int extra = 0; extra < 10 && res.statusCode() == 201; extra++) {
            res = send("POST", "/interview/api/feedback", "{\"session_id\":\"rl\"}", "application/json");
        }
        assertError(res, 429, "rate_limited");
        assertThat(Long.parseLong(res.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        newClient();
        assertThat(send("POST", "/interview/api/feedback", "{\"session_id\":\"rl\"}", "application/json")
                .statusCode()).isEqualTo(201);
    }

    @Test
    void aForwardedHeaderBesideTheConfiguredXForwardedForNeitherNamesTheClientNorDodgesTheLimit() throws Exception {
        // issue 17: the client adds its own "Forwarded: for=…", which a proxy that sets X-Forwarded-For passes on
        int limit = RateLimits.defaults().feedbackPerMin();
        HttpResponse<String> res = null;
        for (int i = 0; i < limit + 10; i++) {
            res = send("POST", "/interview/api/feedback", "{\"session_id\":\"fwd\"}", "application/json",
                    "Forwarded", "for=203.0.113." + (i + 1));
            if (res.statusCode() == 429) {
                break;
            }
        }
        assertError(res, 429, "rate_limited");
        JsonNode stored = json(admin("GET", "/interview/api/feedback/list?limit=1", null)).path("entries").get(0);
        assertThat(stored.path("ip").asText()).isEqualTo(clientIp.substring(0, clientIp.lastIndexOf('.')) + ".0");
    }

    @Test
    void aHostThisServerDoesNotServeGets421Json() throws Exception {
        // DNS rebinding: a page of evil.example whose name now resolves to this server
        String answer = raw("GET /interview/api/health HTTP/1.1\r\nHost: evil.example:" + container.port()
                + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 421");
        assertThat(answer).contains("application/json").contains("\"host_not_allowed\"").contains("ALLOWED_HOSTS");
        // a trusted proxy's X-Forwarded-Host is checked too
        String proxied = raw("GET /interview/api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-Host: evil.example"
                + "\r\nConnection: close\r\n\r\n");
        assertThat(proxied).startsWith("HTTP/1.1 421");
        for (String host : List.of("localhost", "127.0.0.1:" + container.port(), "[::1]", "192.0.2.7",
                "interview.example")) {
            assertThat(raw("GET /interview/api/health HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n"))
                    .as(host).startsWith("HTTP/1.1 200");
        }
    }

    // ---- admin

    @Test
    void adminEndpointsNeedTheToken() throws Exception {
        for (String path : List.of("/interview/api/feedback/list", "/interview/api/admin/stats",
                "/interview/api/admin/logs", "/interview/api/admin/feedback/export", "/interview/api/metrics")) {
            HttpResponse<String> missing = get(path);
            assertError(missing, 401, "unauthorized");
            assertThat(missing.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
            assertError(send("GET", path, null, null, "Authorization", "Bearer wrong"), 401, "unauthorized");
        }
        assertError(send("DELETE", "/interview/api/admin/data?session_id=x", null, null), 401, "unauthorized");
    }

    @Test
    void adminRatingIsValidatedAndStored() throws Exception {
        HttpResponse<String> bad = admin("POST", "/interview/api/admin/feedback", "{\"session_id\":\"s\",\"rating\":6}");
        assertError(bad, 400, "validation_failed");
        assertThat(errorMessage(bad)).contains("rating");
        HttpResponse<String> ok = admin("POST", "/interview/api/admin/feedback",
                "{\"session_id\":\"s-rate\",\"rating\":4,\"reason\":\"gut\",\"comment\":\"passt\"}");
        assertThat(ok.statusCode()).isEqualTo(201);
        assertThat(json(ok).path("id").asText()).startsWith("fb_");
    }

    @Test
    void statsLogsExportEraseAndMetrics() throws Exception {
        send("POST", "/interview/api/chatkit/session", null, null);
        postFeedback("{\"session_id\":\"s-erase\",\"user_question\":\"Frage, mit \\\"Komma\\\"\",\"assistant_reply\":\"A\"}");
        JsonNode stats = json(admin("GET", "/interview/api/admin/stats", null));
        assertThat(stats.has("uptime_s")).isTrue();
        JsonNode hourly = stats.path("hourly");
        assertThat(hourly.isArray()).isTrue();
        assertThat(hourly.size()).isEqualTo(48);
        long hourlySessions = 0;
        for (JsonNode h : hourly) {
            assertThat(h.path("hour").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:00:00Z");
            assertThat(h.has("sessions_failed") && h.has("classified") && h.has("out_of_scope")).isTrue();
            hourlySessions += h.path("sessions_created").asLong();
        }
        assertThat(hourlySessions).isBetween(1L, stats.path("sessions_created").asLong());
        assertThat(Instant.parse(hourly.get(47).path("hour").asText()))
                .isEqualTo(Instant.parse(hourly.get(0).path("hour").asText()).plus(Duration.ofHours(47)));
        JsonNode logs = json(admin("GET", "/interview/api/admin/logs?type=chat&limit=100", null));
        assertThat(logs.path("entries").toString()).contains("session.created");
        JsonNode feedbackLogs = json(admin("GET", "/interview/api/admin/logs?type=feedback", null));
        assertThat(feedbackLogs.path("entries").toString()).contains("s-erase");
        assertError(admin("GET", "/interview/api/admin/logs?type=other", null), 400, "validation_failed");

        HttpResponse<String> jsonl = admin("GET", "/interview/api/admin/feedback/export?format=jsonl", null);
        assertThat(jsonl.statusCode()).isEqualTo(200);
        assertThat(jsonl.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
                .contains(".jsonl");
        assertThat(jsonl.body()).contains("s-erase");
        HttpResponse<String> csv = admin("GET", "/interview/api/admin/feedback/export", null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains(".csv");
        assertError(admin("GET", "/interview/api/admin/feedback/export?format=xml", null), 400, "validation_failed");

        HttpResponse<String> erased = admin("DELETE", "/interview/api/admin/data?session_id=s-erase", null);
        assertThat(erased.statusCode()).isEqualTo(200);
        assertThat(json(erased).path("deleted").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(admin("GET", "/interview/api/admin/feedback/export?format=jsonl", null).body()).doesNotContain("s-erase");
        assertError(admin("DELETE", "/interview/api/admin/data", null), 400, "validation_failed");

        HttpResponse<String> metrics = admin("GET", "/interview/api/metrics", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(metrics.body()).contains("interview_sessions_minted_total").contains("interview_feedback_total");
    }

    @Test
    void erasureByUserDeletesTheUsersHostedThreads() throws Exception {
        HttpResponse<String> session = send("POST", "/interview/api/chatkit/session", null, null);
        String userId = cookieValue(session).substring(0, cookieValue(session).indexOf('.'));
        postFeedback("{\"session_id\":\"cthr_erase\",\"user_question\":\"Q\",\"assistant_reply\":\"A\"}");
        upstream.answer(StickyUpstream.json("{\"data\":[{\"id\":\"cthr_erase\",\"object\":\"chatkit.thread\","
                        + "\"created_at\":1764130000,\"status\":{\"type\":\"active\"},\"user\":\"" + userId + "\"}],"
                        + "\"first_id\":\"cthr_erase\",\"last_id\":\"cthr_erase\",\"has_more\":false}"),
                StickyUpstream.json("{\"id\":\"cthr_erase\",\"object\":\"chatkit.thread.deleted\",\"deleted\":true}"));
        int before = upstreamServer.getRequestCount();

        HttpResponse<String> erased = admin("DELETE", "/interview/api/admin/data?user_id=" + userId, null);

        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        assertThat(json(erased).path("threads_deleted").asInt()).isEqualTo(1);
        assertThat(json(erased).path("deleted").asLong()).isEqualTo(2);
        assertThat(upstreamServer.getRequestCount() - before).isEqualTo(2);
        RecordedRequest delete = lastUpstreamRequest(before);
        assertThat(delete.getMethod()).isEqualTo("DELETE");
        assertThat(delete.getUrl().encodedPath()).isEqualTo("/v1/chatkit/threads/cthr_erase");
        assertThat(admin("GET", "/interview/api/admin/feedback/export?format=jsonl", null).body())
                .doesNotContain("cthr_erase");
        assertError(admin("DELETE", "/interview/api/admin/data?user_id=" + userId + "&session_id=s", null), 400,
                "validation_failed");
    }

    // ---- origin and CORS

    @Test
    void foreignOriginCannotWrite() throws Exception {
        HttpResponse<String> res = send("POST", "/interview/api/feedback", "{}", "application/json",
                "Origin", "https://evil.example");
        assertError(res, 403, "origin_not_allowed");
        assertError(send("POST", "/interview/api/chatkit/session", null, null, "Origin", "https://evil.example"), 403,
                "origin_not_allowed");
        assertError(send("OPTIONS", "/interview/api/feedback", null, null, "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST"), 403, "origin_not_allowed");
    }

    @Test
    void allowedAndSameOriginMayWrite() throws Exception {
        HttpResponse<String> preflight = send("OPTIONS", "/interview/api/feedback", null, null, "Origin", ALLOWED,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(ALLOWED);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("POST");
        HttpResponse<String> post = send("POST", "/interview/api/feedback", "{\"session_id\":\"cors\"}", "application/json",
                "Origin", ALLOWED);
        assertThat(post.statusCode()).as(post.body()).isEqualTo(201);
        assertThat(post.headers().firstValue("Access-Control-Allow-Origin")).contains(ALLOWED);
        HttpResponse<String> same = send("POST", "/interview/api/feedback", "{\"session_id\":\"cors\"}",
                "application/json", "Origin",
                "http://" + container.base().getAuthority());
        assertThat(same.statusCode()).as(same.body()).isEqualTo(201);
        // behind the trusted proxy (loopback here) the public host comes as X-Forwarded-Host
        HttpResponse<String> proxied = send("POST", "/interview/api/feedback", "{\"session_id\":\"cors\"}",
                "application/json", "Origin", "https://interview.example", "X-Forwarded-Host", "interview.example");
        assertThat(proxied.statusCode()).as(proxied.body()).isEqualTo(201);
    }

    // ---- concurrency

    @Test
    void concurrentFeedbackIsStoredExactlyOnce() throws Exception {
        int threads = 32;
        int perThread = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<String>>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String ip = "203.0.113." + (t + 1);
                int thread = t;
                tasks.add(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        HttpResponse<String> res = sendAs(ip, "POST", "/interview/api/feedback",
                                "{\"session_id\":\"conc\",\"comment\":\"t" + thread + "-" + i + "\"}", "application/json");
                        assertThat(res.statusCode()).isEqualTo(201);
                        ids.add(json(res).path("id").asText());
                    }
                    return ids;
                });
            }
            Set<String> returned = new HashSet<>();
            for (Future<List<String>> future : pool.invokeAll(tasks)) {
                returned.addAll(future.get());
            }
            assertThat(returned).hasSize(threads * perThread);
            HttpResponse<String> exported = admin("GET", "/interview/api/admin/feedback/export?format=jsonl", null);
            List<String> stored = new ArrayList<>();
            for (String line : exported.body().split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode entry = Json.MAPPER.readTree(line);
                if ("conc".equals(entry.path("session_id").asText())) {
                    stored.add(entry.path("id").asText());
                }
            }
            assertThat(stored).hasSize(threads * perThread).doesNotHaveDuplicates();
            assertThat(new HashSet<>(stored)).isEqualTo(returned);
            long onDisk = Files.readAllLines(storeDir.resolve("feedback.jsonl")).stream()
                    .filter(line -> line.contains("\"session_id\":\"conc\"")).count();
            assertThat(onDisk).isEqualTo(threads * perThread);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- assets

    @Test
    void assetsAreServedWithCachingAndRedirects() throws Exception {
        HttpResponse<String> root = get("/interview");
        assertThat(root.statusCode()).isEqualTo(301);
        assertThat(root.headers().firstValue("Location").orElseThrow()).endsWith("/interview/");
        HttpResponse<String> index = get("/interview/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("chat page");
        assertThat(index.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(index.headers().firstValue("Cache-Control")).contains("no-cache");
        HttpResponse<String> hashed = get("/interview/assets/index-B7x9QzA1.js");
        assertThat(hashed.statusCode()).isEqualTo(200);
        assertThat(hashed.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
        assertThat(hashed.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
        // Vite 8's hashes are base64url: they may contain '-' and '_'.
        assertThat(get("/interview/assets/chat-Dk3-x_9Q.js").headers().firstValue("Cache-Control").orElseThrow())
                .contains("immutable");
        assertThat(get("/interview/assets/plain.css").headers().firstValue("Cache-Control").orElseThrow())
                .doesNotContain("immutable");
        HttpResponse<String> dashboard = get("/interview/dashboard");
        assertThat(dashboard.statusCode()).isEqualTo(301);
        assertThat(dashboard.headers().firstValue("Location").orElseThrow()).endsWith("/interview/dashboard/");
        assertThat(get("/interview/dashboard/").body()).contains("dashboard");
        assertThat(get("/interview/missing.js").statusCode()).isEqualTo(404);
        for (String escape : List.of("/interview/assets/%2e%2e/%2e%2e/secret.txt", "/interview/..%2fsecret.txt",
                "/interview/assets/..%5c..%5csecret.txt")) {
            HttpResponse<String> res = get(escape);
            assertThat(res.statusCode()).as(escape).isIn(400, 404);
            assertThat(res.body()).as(escape).doesNotContain("outside-the-prefix");
        }
    }

    // ---- helpers

    private double upstreamRetries() throws Exception {
        String metrics = admin("GET", "/interview/api/metrics", null).body();
        return metrics.lines().filter(line -> line.startsWith("interview_upstream_retries_total "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no interview_upstream_retries_total in " + metrics));
    }

    private String postFeedback(String body) throws Exception {
        HttpResponse<String> res = send("POST", "/interview/api/feedback", body, "application/json");
        assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
        return json(res).path("id").asText();
    }

    private RecordedRequest lastUpstreamRequest(int before) throws InterruptedException {
        assertThat(upstreamServer.getRequestCount()).isGreaterThan(before);
        RecordedRequest last = null;
        for (RecordedRequest r = upstreamServer.takeRequest(200, TimeUnit.MILLISECONDS); r != null;
                r = upstreamServer.takeRequest(200, TimeUnit.MILLISECONDS)) {
            last = r;
        }
        return last;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    private HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return send(method, path, body, body == null ? null : "application/json", "Authorization", "Bearer " + TOKEN);
    }

    private HttpResponse<String> send(String method, String path, String body, String contentType, String... headers)
            throws Exception {
        return sendAs(clientIp, method, path, body, contentType, headers);
    }

    private HttpResponse<String> sendAs(String ip, String method, String path, String body, String contentType,
            String... headers) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(container.base() + path))
                .timeout(Duration.ofSeconds(20))
                .header("X-Forwarded-For", ip)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One raw HTTP/1.1 exchange (java.net.http cannot send another {@code Host}). */
    private String raw(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", container.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    private static String cookieValue(HttpResponse<String> res) {
        String header = res.headers().firstValue("Set-Cookie").orElseThrow();
        return header.substring(header.indexOf('=') + 1, header.indexOf(';'));
    }

    private static JsonNode json(HttpResponse<String> res) throws Exception {
        return Json.MAPPER.readTree(res.body());
    }

    private static String errorMessage(HttpResponse<String> res) throws Exception {
        return json(res).path("error").path("message").asText();
    }

    private static void assertError(HttpResponse<String> res, int status, String code) throws Exception {
        assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
        assertThat(res.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode error = json(res).path("error");
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(res.body()).doesNotContain("Exception").doesNotContain("at com.");
    }
}
