package com.landki.interview.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.landki.interview.servlet.InterviewApiOptions;
import com.landki.interview.testing.OpenAiAnswers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick tests of the original FastAPI server (listed in docs/integration.md) against the example server,
 * each HTTP call exactly what its curl line sends; the server reads its settings as {@code main} does, from
 * variables.
 */
@Timeout(60)
class OriginalQuickTestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path logDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> env = new HashMap<>();
    private Server server;
    private String base;

    private MockWebServer upstream;

    @BeforeEach
    void start() throws Exception {
        upstream = new MockWebServer();
        upstream.start();
        env.put("INTERVIEW_LOG_DIR", logDir.toString());
        env.put("OPENAI_API_KEY", "sk-quicktest-secret");
        env.put("OPENAI_WORKFLOW_ID", "wf_quicktest");
        env.put("OPENAI_BASE_URL", upstream.url("/v1").toString());
        server = InterviewServer.createServer(0, InterviewApiOptions.from(env::get));
        server.start();
        base = "http://127.0.0.1:" + InterviewServer.port(server);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        upstream.close();
    }

    private static MockResponse session(long delayMillis) {
        return OpenAiAnswers.chatKitSession("cksess_quick", "ek_quick_secret")
                .headersDelay(delayMillis, TimeUnit.MILLISECONDS).build();
    }

    @Test
    void healthCheck() throws Exception {
        // curl -sS http://127.0.0.1:3001/interview/api/health
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + "/interview/api/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(res.body());
        assertThat(body.path("status").asText()).isEqualTo("ok");
        assertThat(body.path("store").asText()).isEqualTo("jsonl");
        assertThat(body.path("chatkit_configured").asBoolean()).isTrue();
        assertThat(res.body()).doesNotContain("sk-quicktest-secret");
    }

    @Test
    void sessionProbeReturnsAClientSecret() throws Exception {
        upstream.enqueue(session(0));
        // curl -sS -X POST http://127.0.0.1:3001/interview/api/chatkit/session | jq '.client_secret'
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + "/interview/api/chatkit/session"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(res.body()).path("client_secret").asText()).isEqualTo("ek_quick_secret");
        RecordedRequest sent = upstream.takeRequest();
        assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer sk-quicktest-secret");
        assertThat(JSON.readTree(sent.getBody().utf8()).path("workflow").path("id").asText()).isEqualTo("wf_quicktest");
        assertThat(Files.readString(logDir.resolve("chat.jsonl"))).contains("session.created")
                .doesNotContain("ek_quick_secret");
    }

    @Test
    void theOriginalCurlLinesRunAsWritten() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed");
        String host = "http://127.0.0.1:" + InterviewServer.port(server);
        upstream.enqueue(session(0));
        assertThat(JSON.readTree(curl("-sS", host + "/interview/api/health")).path("status").asText()).isEqualTo("ok");
        assertThat(JSON.readTree(curl("-sS", "-X", "POST", host + "/interview/api/chatkit/session"))
                .path("client_secret").asText()).isEqualTo("ek_quick_secret");
        assertThat(JSON.readTree(curl("-sS", "-X", "POST", host + "/interview/api/feedback",
                "-H", "Content-Type: application/json",
                "-d", "{\"session_id\":\"demo\",\"user_question\":\"Q?\",\"assistant_reply\":\"A\",\"category\":\"out_of_scope\"}"))
                .path("id").asText()).startsWith("fb_");
        assertThat(JSON.readTree(curl("-sS", host + "/interview/api/feedback/list")).path("entries").size()).isEqualTo(1);
    }

    private static String curl(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "/usr/bin/curl";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void stopLetsARequestInFlightFinish() throws Exception {
        upstream.enqueue(session(1500));
        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                HttpRequest.newBuilder(URI.create(base + "/interview/api/chatkit/session"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        upstream.takeRequest(); // the request is now waiting on the upstream
        server.stop();
        HttpResponse<String> res = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).contains("ek_quick_secret");
    }

    @Test
    void feedbackProbeThenListFromLoopbackWithoutToken() throws Exception {
        // curl -sS -X POST http://127.0.0.1:3001/interview/api/feedback -H 'Content-Type: application/json' -d '{…}'
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "/interview/api/feedback"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"session_id\":\"demo\",\"user_question\":\"Q?\",\"assistant_reply\":\"A\",\"category\":\"out_of_scope\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(posted.body()).path("id").asText()).startsWith("fb_");

        // curl -sS http://127.0.0.1:3001/interview/api/feedback/list | jq '.entries | length'
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(base + "/interview/api/feedback/list"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(list.body()).path("entries").size()).isEqualTo(1);
        assertThat(Files.readString(logDir.resolve("feedback.jsonl"))).contains("\"session_id\":\"demo\"");
    }

    @Test
    void withoutOpenAiSettingsItStartsAndTheSessionProbeSaysWhatIsMissing() throws Exception {
        Map<String, String> bare = Map.of("INTERVIEW_STORE", "memory", "INTERVIEW_LOG_DIR", logDir.toString());
        Server plain = InterviewServer.createServer(0, InterviewApiOptions.from(bare::get));
        plain.start();
        try {
            String plainBase = "http://127.0.0.1:" + InterviewServer.port(plain);
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(plainBase + "/interview/api/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(JSON.readTree(health.body()).path("chatkit_configured").asBoolean()).isFalse();
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(plainBase
                    + "/interview/api/chatkit/session")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode()).isEqualTo(503);
            JsonNode error = JSON.readTree(res.body()).path("error");
            assertThat(error.path("code").asText()).isEqualTo("not_configured");
            // auto without a workflow is the own server: the probe points there, and the chat endpoint names the key
            assertThat(error.path("message").asText()).contains("/interview/api/chatkit").contains("needs no session");
            HttpResponse<String> chat = http.send(HttpRequest.newBuilder(URI.create(plainBase
                    + "/interview/api/chatkit")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"threads.list\",\"params\":{}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(chat.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(chat.body()).path("error").path("message").asText()).contains("OPENAI_API_KEY");
        } finally {
            plain.stop();
        }
    }

    @Test
    void servesTheChatPageAndTheDashboardFromTheAssetsJar() throws Exception {
        for (String page : new String[] {"/interview/", "/interview/dashboard/"}) {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + page)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode()).as(page).isEqualTo(200);
            assertThat(res.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(res.headers().firstValue("Cache-Control")).contains("no-cache");
            assertThat(res.body()).containsIgnoringCase("<!doctype html");
            assertAssetsAreRelativeAndImmutable(URI.create(base + page), res.body());
        }
    }

    /** The real Vite build: relative asset URLs (any context path works) whose hashed names are cached for good. */
    private void assertAssetsAreRelativeAndImmutable(URI page, String html) throws Exception {
        Matcher refs = Pattern.compile("(?:src|href)=\"([^\"]+\\.(?:js|css))\"").matcher(html);
        int assets = 0;
        while (refs.find()) {
            String ref = refs.group(1);
            assertThat(ref).as("asset URL in " + page).startsWith(".");
            HttpResponse<String> asset = http.send(HttpRequest.newBuilder(page.resolve(ref)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(asset.statusCode()).as(ref).isEqualTo(200);
            assertThat(asset.headers().firstValue("Cache-Control").orElseThrow()).as(ref)
                    .isEqualTo("public, max-age=31536000, immutable");
            assets++;
        }
        assertThat(assets).as("assets referenced by " + page).isGreaterThanOrEqualTo(2);
    }

    @Test
    void rootRedirectsToTheChatPage() throws Exception {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(302);
        assertThat(res.headers().firstValue("Location").orElseThrow()).endsWith("/interview/");
    }

    @Test
    void startupLineNamesPortStoreAndChatButNoSecret() throws Exception {
        env.put("ADMIN_TOKEN", "super-secret-admin");
        env.put("INTERVIEW_STORE", "memory");
        InterviewApiOptions options = InterviewApiOptions.from(env::get);
        Server memory = InterviewServer.createServer(0, options);
        memory.start();
        String line;
        try {
            line = InterviewServer.startupLine(3001, options, InterviewServer.status(memory, options));
        } finally {
            memory.stop();
        }
        assertThat(line).contains("port 3001").contains("store=memory").contains("backend=hosted (configured)")
                .doesNotContain("super-secret-admin").doesNotContain("sk-quicktest-secret");
    }

    @Test
    void stopReleasesTheStoreSoANewServerCanOpenIt() throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(base + "/interview/api/health")).build(),
                HttpResponse.BodyHandlers.discarding());
        server.stop();
        // the store's lock is released: a new server on the same directory opens it
        server = InterviewServer.createServer(0, InterviewApiOptions.from(env::get));
        server.start();
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + InterviewServer.port(server) + "/interview/api/health")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(200);
    }
}
