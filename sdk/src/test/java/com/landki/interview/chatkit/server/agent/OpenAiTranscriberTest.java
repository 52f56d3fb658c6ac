package com.landki.interview.chatkit.server.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.landki.interview.chatkit.server.ChatKitServer;
import com.landki.interview.chatkit.server.DictationOptions;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.ChatKitException;
import com.landki.interview.chatkit.server.types.RequestContext;
import com.landki.interview.openai.OpenAiConfig;
import com.landki.interview.openai.OpenAiHttp;
import com.landki.interview.openai.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code input.transcribe} through the protocol server to OpenAI's {@code /audio/transcriptions}, with MockWebServer
 * as the upstream: the multipart request the endpoint gets, the text the page gets, and every refusal.
 */
class OpenAiTranscriberTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final RequestContext ALICE = RequestContext.of("user-alice");
    /** The start of a WebM file (EBML header) and some bytes of the recording. */
    static final byte[] WEBM = {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3, (byte) 0x9f, 0x42, (byte) 0x86, (byte) 0x81,
            0x01, 0x00, (byte) 0xff, 0x7f, 0x0d, 0x0a, 0x2d, 0x2d};

    @StartStop
    final MockWebServer upstream = new MockWebServer();

    private final List<OpenAiHttp> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(OpenAiHttp::close);
    }

    @Test
    void sendsTheRecordingAsMultipartWithTheModelAndAnswersTheText() throws Exception {
        upstream.enqueue(json(200, "{\"text\":\"Was steht im Leitfaden?\"}"));
        ChatKitServer server = server(RetryPolicy.none(), DictationOptions.defaults());

        JsonNode answer = MAPPER.readTree(server.process(transcribe(WEBM, "audio/webm;codecs=opus"), ALICE).json());

        assertThat(answer).isEqualTo(MAPPER.readTree("{\"text\":\"Was steht im Leitfaden?\"}"));
        RecordedRequest request = upstream.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/audio/transcriptions");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer sk-test");
        Map<String, Part> parts = parts(request);
        assertThat(parts).containsOnlyKeys("model", "file");
        assertThat(new String(parts.get("model").body(), StandardCharsets.UTF_8)).isEqualTo("gpt-4o-mini-transcribe");
        Part file = parts.get("file");
        assertThat(file.headers()).contains("filename=\"audio.webm\"", "Content-Type: audio/webm");
        assertThat(file.body()).as("the decoded bytes, unchanged (CRLF and dashes inside included)").isEqualTo(WEBM);
    }

    @Test
    void theModelIsConfigurableAndTheFileNameFollowsTheType() throws Exception {
        upstream.enqueue(json(200, "{\"text\":\"Hallo\"}"));
        byte[] mp4 = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'M', '4', 'A', ' '};
        OpenAiHttp http = http(RetryPolicy.none());
        ChatKitServer server = ChatKitServer.builder().store(ThreadStore.inMemory()).responder(turn -> { })
                .dictation(OpenAiTranscriber.of(http, "gpt-4o-transcribe"), DictationOptions.defaults()).build();

        server.process(transcribe(mp4, "audio/mp4"), ALICE);

        Map<String, Part> parts = parts(upstream.takeRequest());
        assertThat(new String(parts.get("model").body(), StandardCharsets.UTF_8)).isEqualTo("gpt-4o-transcribe");
        assertThat(parts.get("file").headers()).contains("filename=\"audio.m4a\"", "Content-Type: audio/mp4");
    }

    @Test
    void anUpstream5xxIsRetriedWithTheSameBodyThenAnsweredAsUpstreamError() throws Exception {
        upstream.enqueue(json(503, "{\"error\":{\"message\":\"overloaded\"}}"));
        upstream.enqueue(json(200, "{\"text\":\"zweiter Versuch\"}"));
        RetryPolicy twice = RetryPolicy.builder().maxAttempts(2).jitter(0.0)
                .sleeper(d -> CompletableFuture.completedFuture(null)).build();
        ChatKitServer retrying = server(twice, DictationOptions.defaults());

        assertThat(MAPPER.readTree(retrying.process(transcribe(WEBM, "audio/webm"), ALICE).json()).get("text").asText())
                .isEqualTo("zweiter Versuch");
        assertThat(parts(upstream.takeRequest()).get("file").body()).isEqualTo(WEBM);
        assertThat(parts(upstream.takeRequest()).get("file").body()).as("the retry sends the same file").isEqualTo(WEBM);

        upstream.enqueue(json(500, "{\"error\":{\"message\":\"boom\"}}"));
        ChatKitServer once = server(RetryPolicy.none(), DictationOptions.defaults());
        assertThatThrownBy(() -> once.process(transcribe(WEBM, "audio/webm"), ALICE))
                .isInstanceOfSatisfying(ChatKitException.class, e -> {
                    assertThat(e.code()).isEqualTo("upstream_error");
                    assertThat(e.httpStatus()).isEqualTo(502);
                    assertThat(e.getMessage()).contains("Audio transcription API error 500").doesNotContain("sk-test");
                });
    }

    @Test
    void upstreamRefusalsKeepTheirMeaning() {
        ChatKitServer server = server(RetryPolicy.none(), DictationOptions.defaults());
        upstream.enqueue(json(401, "{\"error\":{\"message\":\"Incorrect API key provided: sk-test\"}}"));
        refused(server, transcribe(WEBM, "audio/webm"), "upstream_unauthorized", 502);
        upstream.enqueue(json(404, "{\"error\":{\"message\":\"The model does not exist\"}}"));
        assertThatThrownBy(() -> server.process(transcribe(WEBM, "audio/webm"), ALICE))
                .isInstanceOfSatisfying(ChatKitException.class, e -> {
                    assertThat(e.code()).isEqualTo("upstream_bad_request");
                    assertThat(e.getMessage()).contains("OPENAI_TRANSCRIBE_MODEL");
                });
        upstream.enqueue(json(200, "{\"transcript\":\"wrong field\"}"));
        refused(server, transcribe(WEBM, "audio/webm"), "upstream_bad_response", 502);
        upstream.enqueue(new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS).body("{}").build());
        ChatKitServer impatient = ChatKitServer.builder().store(ThreadStore.inMemory()).responder(turn -> { })
                .dictation(OpenAiTranscriber.of(track(OpenAiHttp.create(OpenAiConfig.builder().apiKey("sk-test")
                        .baseUrl(upstream.url("/v1").toString()).retryPolicy(RetryPolicy.none())
                        .requestTimeout(Duration.ofMillis(200)).build())), "m"), DictationOptions.defaults()).build();
        refused(impatient, transcribe(WEBM, "audio/webm"), "upstream_timeout", 504);
    }

    @Test
    void refusesBadBase64TooLargeWrongTypeAndContentThatIsNotTheType() {
        ChatKitServer server = server(RetryPolicy.none(), DictationOptions.of(64, DictationOptions.DEFAULT_TYPES));

        refused(server, "{\"type\":\"input.transcribe\",\"params\":{\"audio_base64\":\"%%%nicht base64\","
                + "\"mime_type\":\"audio/webm\"}}", "validation_failed", 400);
        refused(server, transcribe(new byte[65], "audio/webm"), "payload_too_large", 413);
        refused(server, "{\"type\":\"input.transcribe\",\"params\":{\"audio_base64\":\""
                + "A".repeat(100_000) + "\",\"mime_type\":\"audio/webm\"}}", "payload_too_large", 413);
        refused(server, transcribe(WEBM, "audio/flac"), "unsupported_media_type", 415);
        refused(server, transcribe("%PDF-1.7 kein Ton".getBytes(StandardCharsets.US_ASCII), "audio/ogg"),
                "unsupported_media_type", 415);
        refused(server, transcribe(new byte[0], "audio/webm"), "validation_failed", 400);
        refused(server, "{\"type\":\"input.transcribe\",\"params\":{\"mime_type\":\"audio/webm\"}}",
                "validation_failed", 400);
        assertThat(upstream.getRequestCount()).as("nothing refused reaches the upstream").isZero();
    }

    @Test
    void withoutATranscriberDictationIsNotSupported() {
        ChatKitServer server = ChatKitServer.builder().store(ThreadStore.inMemory()).responder(turn -> { }).build();
        assertThat(server.dictationOptions()).isNull();
        refused(server, transcribe(WEBM, "audio/webm"), "not_supported", 400);
    }

    // ---- helpers ----

    private ChatKitServer server(RetryPolicy retries, DictationOptions options) {
        return ChatKitServer.builder().store(ThreadStore.inMemory()).responder(turn -> { })
                .dictation(OpenAiTranscriber.of(http(retries), OpenAiTranscriber.DEFAULT_MODEL), options).build();
    }

    private OpenAiHttp http(RetryPolicy retries) {
        return track(OpenAiHttp.create(OpenAiConfig.builder().apiKey("sk-test")
                .baseUrl(upstream.url("/v1").toString()).retryPolicy(retries).build()));
    }

    private OpenAiHttp track(OpenAiHttp http) {
        clients.add(http);
        return http;
    }

    private static byte[] transcribe(byte[] audio, String mimeType) {
        return raw("{\"type\":\"input.transcribe\",\"params\":{\"audio_base64\":\""
                + Base64.getEncoder().encodeToString(audio) + "\",\"mime_type\":\"" + mimeType + "\"},\"metadata\":{}}");
    }

    private static byte[] raw(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static void refused(ChatKitServer server, String body, String code, int status) {
        refused(server, raw(body), code, status);
    }

    private static void refused(ChatKitServer server, byte[] body, String code, int status) {
        assertThatThrownBy(() -> server.process(body, ALICE))
                .isInstanceOfSatisfying(ChatKitException.class, e -> {
                    assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
                    assertThat(e.httpStatus()).isEqualTo(status);
                });
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    record Part(String headers, byte[] body) {
    }

    /** The parts of a {@code multipart/form-data} request by name, parsed here (RFC 7578), not by the code under test. */
    static Map<String, Part> parts(RecordedRequest request) {
        String type = request.getHeaders().get("Content-Type");
        assertThat(type).startsWith("multipart/form-data; boundary=");
        byte[] body = request.getBody().toByteArray();
        byte[] delimiter = ("\r\n--" + type.substring(type.indexOf("boundary=") + 9)).getBytes(StandardCharsets.US_ASCII);
        byte[] framed = new byte[body.length + 2];
        framed[0] = '\r';
        framed[1] = '\n';
        System.arraycopy(body, 0, framed, 2, body.length);
        Map<String, Part> parts = new LinkedHashMap<>();
        int at = indexOf(framed, delimiter, 0);
        assertThat(at).isZero();
        while (true) {
            int start = at + delimiter.length;
            if (framed[start] == '-' && framed[start + 1] == '-') {
                return parts;
            }
            int next = indexOf(framed, delimiter, start);
            assertThat(next).as("a closing delimiter").isPositive();
            byte[] part = Arrays.copyOfRange(framed, start + 2, next);
            int split = indexOf(part, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
            String headers = new String(part, 0, split, StandardCharsets.UTF_8);
            String name = headers.replaceAll("(?s)^[^;]*; name=\"([^\"]*)\".*", "$1");
            parts.put(name, new Part(headers, Arrays.copyOfRange(part, split + 4, part.length)));
            at = next;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
