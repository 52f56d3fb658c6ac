package com.landki.interview.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.landki.interview.chatkit.server.AttachmentOptions;
import com.landki.interview.chatkit.server.ChatKitServer;
import com.landki.interview.chatkit.server.DictationOptions;
import com.landki.interview.chatkit.server.agent.OpenAiTranscriber;
import com.landki.interview.chatkit.server.store.AttachmentStore;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.openai.OpenAiConfig;
import com.landki.interview.openai.OpenAiHttp;
import com.landki.interview.openai.RetryPolicy;
import com.landki.interview.testing.ServletContainer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The attachment endpoints (two-phase upload, owner-only preview) and dictation through the protocol servlet in a
 * real container, as the page's ChatKit client calls them; OpenAI's transcription endpoint is MockWebServer. Run
 * once per container by the Jetty and Tomcat subclasses.
 */
@Timeout(30)
abstract class ChatKitUploadsContract {

    static final String PATH = "/interview/api/chatkit";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};
    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @StartStop
    final MockWebServer upstream = new MockWebServer();

    private final HttpClient http = HttpClient.newHttpClient();
    private OpenAiHttp openAi;
    private ServletContainer container;
    private URI endpoint;

    abstract ServletContainer.Kind kind();

    @BeforeEach
    void startContainer() throws Exception {
        openAi = OpenAiHttp.create(OpenAiConfig.builder().apiKey("sk-test").baseUrl(upstream.url("/v1").toString())
                .retryPolicy(RetryPolicy.none()).build());
        ChatKitServer server = ChatKitServer.builder().store(ThreadStore.inMemory()).responder(turn -> { })
                .attachments(AttachmentStore.inMemory(), AttachmentOptions.builder().maxBytes(4096).build())
                .dictation(OpenAiTranscriber.of(openAi, "gpt-4o-mini-transcribe"),
                        DictationOptions.of(300_000, DictationOptions.DEFAULT_TYPES))
                .build();
        ChatKitProtocolServlet servlet = new ChatKitProtocolServlet(server, req -> req.getHeader("X-Test-User"),
                null, Duration.ZERO, Duration.ofSeconds(20), 0, 0);
        container = kind().start((classes, context) -> ChatKitProtocolServlet.register(context, PATH, servlet));
        endpoint = container.base().resolve(PATH);
    }

    @AfterEach
    void stop() throws Exception {
        container.close();
        openAi.close();
    }

    @Test
    void anImageIsUploadedAndPreviewedByItsOwnerOnly() throws Exception {
        JsonNode created = ok(post("alice", create("foto.png", PNG.length, "image/png")));
        String id = created.get("id").asText();
        URI upload = URI.create(created.get("upload_descriptor").get("url").asText());
        assertThat(upload).as("the descriptor points at this server").isEqualTo(endpoint.resolve(PATH
                + "/attachments/" + id + "/upload"));

        HttpResponse<String> uploaded = upload("alice", upload, "foto.png", "image/png", PNG);
        JsonNode attachment = ok(uploaded);
        assertThat(attachment.get("id").asText()).isEqualTo(id);
        assertThat(attachment.has("upload_descriptor")).isFalse();

        URI preview = URI.create(created.get("preview_url").asText());
        HttpResponse<byte[]> own = http.send(get("alice", preview), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
        assertThat(own.body()).isEqualTo(PNG);

        HttpResponse<String> foreign = http.send(get("bob", preview), HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).as("another user's attachment looks missing").isEqualTo(404);
        assertThat(code(foreign)).isEqualTo("not_found");
        assertThat(foreign.body()).doesNotContain("IHDR");

        HttpResponse<String> foreignUpload = upload("bob", upload, "foto.png", "image/png", PNG);
        assertThat(foreignUpload.statusCode()).isEqualTo(404);
        HttpResponse<String> again = upload("alice", upload, "foto.png", "image/png", PNG);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(code(again)).isEqualTo("already_uploaded");
    }

    @Test
    void uploadsThatAreTooBigOrNotOfTheirTypeAreRefused() throws Exception {
        JsonNode pdf = ok(post("alice", create("cv.pdf", 100, "application/pdf")));
        URI upload = URI.create(pdf.get("upload_descriptor").get("url").asText());

        HttpResponse<String> tooBig = upload("alice", upload, "cv.pdf", "application/pdf", new byte[5000]);
        assertThat(tooBig.statusCode()).as(tooBig.body()).isEqualTo(413);
        assertThat(code(tooBig)).isEqualTo("payload_too_large");

        HttpResponse<String> notPdf = upload("alice", upload, "cv.pdf", "application/pdf", PNG);
        assertThat(notPdf.statusCode()).as("the bytes are a PNG, not the declared PDF").isEqualTo(415);
        assertThat(code(notPdf)).isEqualTo("unsupported_media_type");

        HttpResponse<String> wrongType = post("alice", create("tabelle.xlsx", 100,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(code(wrongType)).isEqualTo("unsupported_media_type");

        HttpResponse<String> notMultipart = http.send(HttpRequest.newBuilder(upload).header("X-Test-User", "alice")
                .header("Content-Type", "application/pdf").POST(HttpRequest.BodyPublishers.ofByteArray(PDF)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(notMultipart.statusCode()).isEqualTo(415);

        assertThat(ok(upload("alice", upload, "cv.pdf", "application/pdf", PDF)).get("name").asText())
                .isEqualTo("cv.pdf");
        HttpResponse<String> preview = http.send(get("alice", URI.create(endpoint + "/attachments/"
                + pdf.get("id").asText() + "/preview")), HttpResponse.BodyHandlers.ofString());
        assertThat(preview.statusCode()).as("only images have a preview").isEqualTo(404);
    }

    @Test
    void dictationAboveTheJsonLimitIsTranscribedAndOtherLargeBodiesAreNot() throws Exception {
        upstream.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"text\":\"Wie lange dauert das Interview?\"}").build());
        byte[] webm = new byte[100_000];
        System.arraycopy(new byte[] {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3}, 0, webm, 0, 4);

        HttpResponse<String> answer = post("alice", transcribe(webm, "audio/webm;codecs=opus"));
        assertThat(ok(answer).get("text").asText()).isEqualTo("Wie lange dauert das Interview?");
        assertThat(upstream.takeRequest().getBody().size()).as("the whole recording went upstream")
                .isGreaterThan(100_000);

        HttpResponse<String> large = post("alice", "{\"type\":\"threads.list\",\"params\":{},\"metadata\":{\"x\":\""
                + "a".repeat(100_000) + "\"}}");
        assertThat(large.statusCode()).as("only input.transcribe may be above 64 KiB").isEqualTo(413);
        assertThat(code(large)).isEqualTo("payload_too_large");

        HttpResponse<String> badBase64 = post("alice", "{\"type\":\"input.transcribe\",\"params\":{"
                + "\"audio_base64\":\"kein base64!\",\"mime_type\":\"audio/webm\"}}");
        assertThat(badBase64.statusCode()).isEqualTo(400);
        assertThat(code(badBase64)).isEqualTo("validation_failed");
        assertThat(badBase64.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");

        HttpResponse<String> tooLong = post("alice", transcribe(new byte[400_000], "audio/webm"));
        assertThat(tooLong.statusCode()).isEqualTo(413);

        upstream.enqueue(new MockResponse.Builder().code(500).body("{\"error\":{\"message\":\"boom\"}}").build());
        HttpResponse<String> failed = post("alice", transcribe(webm, "audio/webm"));
        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(code(failed)).isEqualTo("upstream_error");
    }

    // ---- helpers ----

    private static String create(String name, int size, String type) {
        return "{\"type\":\"attachments.create\",\"params\":{\"name\":\"" + name + "\",\"size\":" + size
                + ",\"mime_type\":\"" + type + "\"},\"metadata\":{}}";
    }

    private static String transcribe(byte[] audio, String type) {
        return "{\"type\":\"input.transcribe\",\"params\":{\"audio_base64\":\""
                + Base64.getEncoder().encodeToString(audio) + "\",\"mime_type\":\"" + type + "\"}}";
    }

    private HttpResponse<String> post(String user, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .header("X-Test-User", user).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpRequest get(String user, URI uri) {
        return HttpRequest.newBuilder(uri).header("X-Test-User", user).GET().build();
    }

    /** The upload as ChatKit's client sends it: {@code multipart/form-data} with the bytes in the field {@code file}. */
    private HttpResponse<String> upload(String user, URI url, String name, String type, byte[] bytes)
            throws IOException, InterruptedException {
        String boundary = "----chatkit-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(url).header("X-Test-User", user)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode ok(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return MAPPER.readTree(response.body());
    }

    private static String code(HttpResponse<String> response) throws IOException {
        return MAPPER.readTree(response.body()).path("error").path("code").asText();
    }
}
