package com.landki.interview.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.landki.interview.testing.ResponsesStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code CHATKIT_BACKEND=server} from the environment: the example server answers the ChatKit protocol
 * itself, streaming the Responses API (here a loopback stand-in) into the page's events, and keeps the
 * thread for its user only.
 */
@Timeout(60)
class ServerBackendTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path logDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private MockWebServer upstream;
    private Server server;
    private String chatkit;
    private Set<Thread> threadsBefore;

    @BeforeEach
    void start() throws Exception {
        threadsBefore = Thread.getAllStackTraces().keySet();
        upstream = new MockWebServer();
        upstream.start();
        server = ServerBackend.start(upstream, logDir);
        chatkit = "http://127.0.0.1:" + InterviewServer.port(server) + "/interview/api/chatkit";
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        upstream.close();
    }

    @Test
    void threadsCreateStreamsTheAnswerAndKeepsTheThreadForItsUser() throws Exception {
        upstream.enqueue(ResponsesStream.create("resp_1").start("m_1").delta("m_1", "Die Interviews ")
                .delta("m_1", "handeln von KI.").itemDone("m_1", "Die Interviews handeln von KI.").completed("resp_1")
                .response());
        HttpResponse<String> created = post("{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":"
                + "[{\"type\":\"input_text\",\"text\":\"Worum geht es?\"}],\"attachments\":[],\"inference_options\":{}}},"
                + "\"metadata\":{}}", null);
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("thread.created").contains("Die Interviews ").contains("thread.item.done");
        RecordedRequest sent = upstream.takeRequest();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/responses");
        assertThat(sent.getBody().utf8()).contains("vs_seed").contains("Worum geht es?");

        String setCookie = created.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        JsonNode mine = JSON.readTree(post("{\"type\":\"threads.list\",\"params\":{}}", cookie).body());
        assertThat(mine.path("data")).hasSize(1);
        JsonNode stranger = JSON.readTree(post("{\"type\":\"threads.list\",\"params\":{}}", null).body());
        assertThat(stranger.path("data")).isEmpty();
        assertThat(Files.list(logDir).map(p -> p.getFileName().toString())).anyMatch(n -> n.contains("thread"));
    }

    @Test
    void theUpstreamIsCalledThroughJettysClientNotTheJdks() throws Exception {
        upstream.enqueue(ResponsesStream.create("resp_1").start("m_1").delta("m_1", "Ja.").itemDone("m_1", "Ja.")
                .completed("resp_1").response());

        HttpResponse<String> created = post("{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":"
                + "[{\"type\":\"input_text\",\"text\":\"Gibt es Interviews?\"}],\"attachments\":[],"
                + "\"inference_options\":{}}},\"metadata\":{}}", null);

        assertThat(created.body()).contains("Ja.").contains("thread.item.done");
        // interview-http-jetty is on the example's class path: the SDK discovers it (no openai-http-* JDK threads)
        Set<String> started = Thread.getAllStackTraces().keySet().stream().filter(t -> !threadsBefore.contains(t))
                .map(Thread::getName).collect(Collectors.toSet());
        assertThat(started).anyMatch(name -> name.startsWith("openai-jetty-"))
                .noneMatch(name -> name.startsWith("openai-http-"));
    }

    @Test
    void dictationLargerThanTheApiBodyLimitIsTranscribedByTheStandIn() throws Exception {
        upstream.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"text\":\"Wer wurde interviewt?\"}").build());
        byte[] webm = new byte[120_000]; // about 30 s of Opus speech: above the API's 64 KiB JSON limit as base64
        System.arraycopy(new byte[] {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3}, 0, webm, 0, 4);

        HttpResponse<String> answer = post("{\"type\":\"input.transcribe\",\"params\":{\"audio_base64\":\""
                + Base64.getEncoder().encodeToString(webm) + "\",\"mime_type\":\"audio/webm;codecs=opus\"}}", null);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).get("text").asText()).isEqualTo("Wer wurde interviewt?");
        RecordedRequest sent = upstream.takeRequest();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/audio/transcriptions");
        assertThat(sent.getHeaders().get("Content-Type")).startsWith("multipart/form-data; boundary=");
        String body = sent.getBody().string(StandardCharsets.ISO_8859_1);
        assertThat(body).contains("name=\"model\"\r\n\r\ngpt-4o-mini-transcribe\r\n")
                .contains("name=\"file\"; filename=\"audio.webm\"\r\nContent-Type: audio/webm\r\n\r\n");
        assertThat(sent.getBody().size()).isGreaterThan(webm.length);

        HttpResponse<String> large = post("{\"type\":\"threads.list\",\"params\":{},\"metadata\":{\"x\":\""
                + "a".repeat(100_000) + "\"}}", null);
        assertThat(large.statusCode()).as("other requests keep the 64 KiB limit").isEqualTo(413);
    }

    @Test
    void aServerLogLineAndAnApiLogLineOfTheSameUserCarryTheSameKeyedHash() throws Exception {
        String text = "Leider habe ich keine Informationen dazu.";
        upstream.enqueue(ResponsesStream.create("resp_1").start("m_1").delta("m_1", text).itemDone("m_1", text)
                .completed("resp_1").response());
        HttpResponse<String> created = post("{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":"
                + "[{\"type\":\"input_text\",\"text\":\"Wie wird das Wetter?\"}],\"attachments\":[],"
                + "\"inference_options\":{}}},\"metadata\":{}}", null);
        assertThat(created.statusCode()).isEqualTo(200);
        String setCookie = created.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String userId = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf('.'));
        HttpResponse<String> classified = http.send(HttpRequest.newBuilder(URI.create(chatkit.replace("/chatkit", "/classify")))
                .header("Content-Type", "application/json").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("{\"session_id\":\"cksess_1\",\"user_question\":\"Wetter?\","
                        + "\"assistant_reply\":\"" + text + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(classified.statusCode()).isEqualTo(200);

        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(logDir.resolve("chat.jsonl"))) {
            lines.add(JSON.readTree(line));
        }
        JsonNode server = lines.stream().filter(l -> l.hasNonNull("thread_id"))
                .filter(l -> "response.classified".equals(l.path("type").asText())).findFirst().orElseThrow();
        JsonNode conversation = lines.stream().filter(l -> "thread.created".equals(l.path("type").asText()))
                .findFirst().orElseThrow();
        JsonNode api = lines.stream().filter(l -> "cksess_1".equals(l.path("session_id").asText())).findFirst().orElseThrow();
        assertThat(conversation.path("user_hash").asText()).isEqualTo(api.path("user_hash").asText());
        assertThat(server.path("type").asText()).isEqualTo(api.path("type").asText()).isEqualTo("response.classified");
        assertThat(server.path("source").asText()).isEqualTo("marker");
        String plain = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(userId.getBytes(StandardCharsets.UTF_8)));
        assertThat(server.path("user_hash").asText()).startsWith("uh_").isEqualTo(api.path("user_hash").asText())
                .isNotEqualTo(plain.substring(0, 16));
    }

    @Test
    void oneInScopeAndOneOutOfScopeAnswerAreFiftyPercentInTheStatsAndOneInTheMetrics() throws Exception {
        String inScope = "Die Interviews handeln von KI.";
        String refusal = "Leider habe ich keine Informationen dazu.";
        upstream.enqueue(ResponsesStream.create("resp_1").start("m_1").delta("m_1", inScope).itemDone("m_1", inScope)
                .completed("resp_1").response());
        upstream.enqueue(ResponsesStream.create("resp_2").start("m_2").delta("m_2", refusal).itemDone("m_2", refusal)
                .completed("resp_2").response());
        for (String question : List.of("Worum geht es?", "Wie wird das Wetter?")) {
            HttpResponse<String> created = post("{\"type\":\"threads.create\",\"params\":{\"input\":{\"content\":"
                    + "[{\"type\":\"input_text\",\"text\":\"" + question + "\"}],\"attachments\":[],"
                    + "\"inference_options\":{}}},\"metadata\":{}}", null);
            assertThat(created.statusCode()).isEqualTo(200);
            assertThat(created.body()).contains("thread.item.done");
        }

        JsonNode stats = JSON.readTree(get("/admin/stats").body());
        assertThat(stats.path("backend").asText()).isEqualTo("server");
        assertThat(stats.path("classified").asLong()).isEqualTo(2);
        assertThat(stats.path("out_of_scope").asLong()).isEqualTo(1);
        assertThat(stats.path("out_of_scope_rate").asDouble()).isEqualTo(0.5);
        assertThat(stats.path("conversations").asLong()).isEqualTo(2);
        JsonNode thisHour = stats.path("hourly").get(stats.path("hourly").size() - 1);
        assertThat(thisHour.path("classified").asLong()).isEqualTo(2);
        assertThat(thisHour.path("out_of_scope").asLong()).isEqualTo(1);
        assertThat(thisHour.path("conversations").asLong()).isEqualTo(2);

        String metrics = get("/metrics").body();
        assertThat(metrics).contains("interview_out_of_scope_total{backend=\"server\",source=\"marker\"} 1.0")
                .contains("interview_out_of_scope_total{backend=\"server\",source=\"structured\"} 0.0")
                .contains("interview_answers_total{backend=\"server\",source=\"none\"} 1.0")
                .contains("interview_answers_total{backend=\"server\",source=\"marker\"} 1.0");
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(chatkit.replace("/chatkit", path)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }

    private HttpResponse<String> post(String body, String cookie) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(chatkit)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
