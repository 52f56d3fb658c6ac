package com.landki.interview.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.landki.interview.testing.ChatKitRequests;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, finding 7: no secret reaches the server log, from any error path. The packaged server runs with an
 * API key, an admin token, a cookie key and a JDBC-style password configured; its Responses stand-in quotes
 * all of them — and a ChatKit client secret and a bearer token it makes up — back in an HTTP error body, in a
 * stream {@code error} event and in a {@code response.failed} event. Each failure is logged (the test waits for
 * each line), and none of the secrets is in the log.
 */
class RedactionIT {

    private static final Path JAR = Path.of("target", "interview-server.jar");
    private static final String API_KEY = "sk-redaction-it-9f8e7d6c5b4a";
    private static final String ADMIN_TOKEN = "admin-token-redaction-it-42";
    private static final String COOKIE_KEY = "cookie-key-redaction-it-0123456789";
    private static final String CLIENT_SECRET = "ek_redaction_it_client_secret_77";
    private static final String BEARER = "eyJredaction.it.bearer";
    private static final List<String> SECRETS = List.of(API_KEY, ADMIN_TOKEN, COOKIE_KEY, CLIENT_SECRET, BEARER);
    /** Everything an upstream could quote back. */
    private static final String QUOTED = "Incorrect API key provided: " + API_KEY + "; token " + ADMIN_TOKEN
            + "; key " + COOKIE_KEY + "; session " + CLIENT_SECRET + "; Authorization: Bearer " + BEARER;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    private final AtomicReference<MockResponse> answer = new AtomicReference<>();

    @TempDir
    Path dir;
    private MockWebServer upstream;
    private Process server;
    private int port;

    @BeforeEach
    void start() throws Exception {
        upstream = new MockWebServer();
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer.get();
            }
        });
        upstream.start();
        assertThat(JAR).as("the shaded jar is built in the package phase").isRegularFile();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx200m", "-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("INTERVIEW_LOG_DIR", dir.resolve("logs").toString());
        builder.environment().put("CHATKIT_BACKEND", "server");
        builder.environment().put("OPENAI_API_KEY", API_KEY);
        builder.environment().put("ADMIN_TOKEN", ADMIN_TOKEN);
        builder.environment().put("USER_ID_COOKIE_SECRET", COOKIE_KEY);
        builder.environment().put("OPENAI_BASE_URL", upstream.url("/v1").toString());
        builder.environment().put("OPENAI_VECTOR_STORE_ID", "vs_redaction");
        server = builder.start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            assertThat(server.isAlive()).as("server running; log:%n%s", log()).isTrue();
            try {
                return get("/interview/api/health") == 200;
            } catch (IOException notListeningYet) {
                return false;
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        upstream.close();
    }

    @Test
    void noSecretReachesTheLogFromAnyUpstreamErrorPath() throws Exception {
        String errorBody = "{\"error\":{\"message\":\"" + QUOTED + "\",\"type\":\"invalid_request_error\","
                + "\"code\":\"invalid_api_key\"}}";
        // 1. an HTTP error whose body quotes the secrets (400: not retried)
        answer.set(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
                .body(errorBody).build());
        askAndAwaitFailureLine(1);
        // 2. a stream that reports an error event quoting them
        answer.set(stream("event: error\ndata: {\"type\":\"error\",\"code\":\"invalid_prompt\",\"message\":\""
                + QUOTED + "\"}\n\n"));
        askAndAwaitFailureLine(2);
        // 3. a stream whose response failed, quoting them
        answer.set(stream("event: response.failed\ndata: {\"type\":\"response.failed\",\"response\":{\"id\":"
                + "\"resp_1\",\"status\":\"failed\",\"error\":{\"code\":\"invalid_prompt\",\"message\":\"" + QUOTED
                + "\"}}}\n\n"));
        askAndAwaitFailureLine(3);
        // 4. a wrong bearer token on an admin route
        HttpResponse<String> admin = http.send(HttpRequest.newBuilder(URI.create(base() + "/interview/api/admin/stats"))
                .header("Authorization", "Bearer " + BEARER).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(admin.statusCode()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(10)).until(this::log, text -> text.contains("/interview/api/admin/stats 401"));

        String log = log();
        for (String secret : SECRETS) {
            assertThat(log).as("the log shows no %s; log:%n%s", secret, log).doesNotContain(secret);
        }
        assertThat(log).as("the upstream's words are still there, the secrets replaced")
                .contains("Incorrect API key provided: <redacted>").contains("session ek_<redacted>");
    }

    private static MockResponse stream(String events) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                .body("event: response.created\ndata: {\"type\":\"response.created\",\"response\":{\"id\":\"resp_1\"}}\n\n"
                        + events).build();
    }

    private void askAndAwaitFailureLine(int n) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/interview/api/chatkit"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ChatKitRequests.threadsCreate("Frage " + n)))
                .timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"type\":\"error\"");
        for (String secret : SECRETS) {
            assertThat(response.body()).as("the page is never told a secret").doesNotContain(secret);
        }
        await().atMost(Duration.ofSeconds(20)).until(this::log,
                text -> text.lines().filter(l -> l.contains("answer for thread")).count() >= n);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private int get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String log() throws IOException {
        Path log = dir.resolve("server.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
