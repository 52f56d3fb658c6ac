package com.landki.interview.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.landki.interview.servlet.InterviewApiOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's quick tests (INTERVIEW_CHATKIT_GUIDE §11) against the example server, each HTTP call exactly
 * what the seed's curl line sends; the server reads its settings as {@code main} does, from variables.
 */
@Timeout(60)
class SeedQuickTestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path logDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> env = new HashMap<>();
    private Server server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        env.put("INTERVIEW_LOG_DIR", logDir.toString());
        server = InterviewServer.createServer(0, InterviewApiOptions.fromEnv(env::get));
        server.start();
        base = "http://127.0.0.1:" + InterviewServer.port(server);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
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
        assertThat(body.path("chatkit_configured").asBoolean()).isFalse();
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
    void withoutOpenAiSettingsTheSessionProbeSaysWhatIsMissing() throws Exception {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + "/interview/api/chatkit/session"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(503);
        JsonNode error = JSON.readTree(res.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("not_configured");
        assertThat(error.path("message").asText()).contains("OPENAI_API_KEY").contains("OPENAI_WORKFLOW_ID");
    }

    @Test
    void rootRedirectsToTheChatPage() throws Exception {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(302);
        assertThat(res.headers().firstValue("Location").orElseThrow()).endsWith("/interview/");
    }

    @Test
    void startupLineNamesPortStoreAndMissingChatButNoSecret() {
        env.put("ADMIN_TOKEN", "super-secret-admin");
        env.put("INTERVIEW_STORE", "memory");
        String line = InterviewServer.startupLine(3001, InterviewApiOptions.fromEnv(env::get));
        assertThat(line).contains("port 3001").contains("store=memory").contains("NOT configured")
                .doesNotContain("super-secret-admin");
    }

    @Test
    void stopReleasesTheStoreSoANewServerCanOpenIt() throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(base + "/interview/api/health")).build(),
                HttpResponse.BodyHandlers.discarding());
        server.stop();
        // the store's lock is released: a new server on the same directory opens it
        server = InterviewServer.createServer(0, InterviewApiOptions.fromEnv(env::get));
        server.start();
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + InterviewServer.port(server) + "/interview/api/health")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(200);
    }
}
