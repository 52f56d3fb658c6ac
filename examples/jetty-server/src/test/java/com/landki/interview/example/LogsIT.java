package com.landki.interview.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server's logs as an operator reads them: the own ChatKit server answers a question while its
 * Responses API (a stand-in) fails three times with 500, so the answer's failure is logged on an HTTP client
 * thread after two retry waits, long after the request thread has moved on. The access line of that request
 * and the failure line carry the same request id, other requests other ids; with {@code LOG_FORMAT=json} every
 * line is one JSON object.
 */
class LogsIT {

    private static final Path JAR = Path.of("target", "interview-server.jar");
    private static final String CHATKIT = "/interview/api/chatkit";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    @TempDir
    Path dir;
    private MockWebServer upstream;
    private Process server;
    private int port;

    @BeforeEach
    void standIn() throws IOException {
        upstream = new MockWebServer();
        upstream.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(500).addHeader("Content-Type", "application/json")
                        .addHeader("x-request-id", "req_upstream_500")
                        .body("{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}")
                        .build();
            }
        });
        upstream.start();
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
    void theAccessLineAndTheAnswersFailureOnAnotherThreadCarryTheSameRequestId() throws Exception {
        start("text");
        assertThat(postQuestion()).isEqualTo(200);
        assertThat(get("/interview/api/health")).isEqualTo(200);

        Pattern access = Pattern.compile("\\[([^\\]]+)] com\\.landki\\.interview\\.access request_id=(\\w+) - POST "
                + Pattern.quote(CHATKIT) + " 200 \\d+ ms \\d+ B 127\\.0\\.0\\.0");
        Pattern failure = Pattern.compile("(?:WARN|ERROR) +\\[([^\\]]+)] \\S+ request_id=(\\w+) - answer for thread \\S+ failed");
        String log = await().atMost(Duration.ofSeconds(30)).until(this::log,
                text -> access.matcher(text).find() && failure.matcher(text).find()
                        && text.contains(" - GET /interview/api/health 200 "));
        Matcher accessLine = access.matcher(log);
        Matcher failureLine = failure.matcher(log);
        assertThat(accessLine.find()).isTrue();
        assertThat(failureLine.find()).isTrue();

        assertThat(failureLine.group(2)).as("the failure's request id; log:%n%s", log).isEqualTo(accessLine.group(2));
        assertThat(failureLine.group(1)).as("logged on the HTTP client's thread, not a request thread")
                .doesNotStartWith("interview-");
        assertThat(upstream.getRequestCount()).as("the first attempt and two retries").isEqualTo(3);
        Matcher health = Pattern.compile("request_id=(\\w+) - GET /interview/api/health 200").matcher(log);
        assertThat(health.find()).isTrue();
        assertThat(health.group(1)).isNotEqualTo(accessLine.group(2));
    }

    @Test
    void jsonFormatWritesOneObjectPerLineWithTheRequestIdOfEveryRequestLine() throws Exception {
        start("json");
        assertThat(postQuestion()).isEqualTo(200);
        assertThat(get("/interview/no-such-asset-77.js")).isEqualTo(404);

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = await().atMost(Duration.ofSeconds(30)).until(() -> parse(json),
                all -> all.stream().anyMatch(l -> l.path("message").asText().startsWith("answer for thread"))
                        && all.stream().anyMatch(l -> "/interview/no-such-asset-77.js".equals(l.path("route").asText())));

        for (JsonNode line : lines) {
            assertThat(line.fieldNames()).toIterable().contains("timestamp", "level", "logger", "thread", "message");
        }
        JsonNode access = lines.stream().filter(l -> "com.landki.interview.access".equals(l.path("logger").asText())
                && CHATKIT.equals(l.path("route").asText())).findFirst().orElseThrow();
        assertThat(access.path("method").asText()).isEqualTo("POST");
        assertThat(access.path("status").asInt()).isEqualTo(200);
        assertThat(access.path("bytes").asLong()).isPositive();
        assertThat(access.path("duration_ms").isIntegralNumber()).isTrue();
        assertThat(access.path("client_ip").asText()).isEqualTo("127.0.0.0");
        String id = access.path("request_id").asText();
        assertThat(id).matches("[0-9a-f]{16}");
        JsonNode failure = lines.stream().filter(l -> l.path("message").asText().startsWith("answer for thread"))
                .findFirst().orElseThrow();
        assertThat(failure.path("level").asText()).isIn("WARN", "ERROR");
        assertThat(failure.path("request_id").asText()).isEqualTo(id);
        // every line logged while handling a request names it; only start-up and shut-down lines have none
        for (JsonNode line : lines) {
            String thread = line.path("thread").asText();
            if (thread.startsWith("interview-") || thread.startsWith("HttpClient")) {
                assertThat(line.path("request_id").asText()).as("request id of %s", line).matches("[0-9a-f]{16}");
            }
        }
        JsonNode asset = lines.stream().filter(l -> "/interview/no-such-asset-77.js".equals(l.path("route").asText()))
                .findFirst().orElseThrow();
        assertThat(asset.path("status").asInt()).isEqualTo(404);
        assertThat(asset.path("request_id").asText()).matches("[0-9a-f]{16}").isNotEqualTo(id);
    }

    private void start(String format) throws Exception {
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
        builder.environment().put("OPENAI_API_KEY", "sk-logs-it-secret");
        builder.environment().put("OPENAI_BASE_URL", upstream.url("/v1").toString());
        builder.environment().put("OPENAI_VECTOR_STORE_ID", "vs_logs");
        builder.environment().put("LOG_FORMAT", format);
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

    private int postQuestion() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + CHATKIT))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ChatKitRequests.threadsCreate("Worum geht es?")))
                .timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).contains("\"type\":\"error\"");
        return response.statusCode();
    }

    private int get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private List<JsonNode> parse(ObjectMapper json) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        String text = log();
        // a line still being written has no line end yet
        for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
            if (!line.isEmpty()) {
                JsonNode node = json.readTree(line);
                assertThat(node.isObject()).as("a JSON object: %s", line).isTrue();
                nodes.add(node);
            }
        }
        return nodes;
    }

    private String log() throws IOException {
        Path log = dir.resolve("server.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
