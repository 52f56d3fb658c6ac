package com.landki.interview.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class OpenAiHttpStreamTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final TestTime time = new TestTime();
    private final List<ServerSentEvent> events = new CopyOnWriteArrayList<>();

    private OpenAiHttp http() {
        return OpenAiHttp.create(OpenAiConfig.builder().apiKey("sk-k").baseUrl(server.url("/v1").toString())
                .retryPolicy(time.policy().build()).build());
    }

    private static MockResponse.Builder sse() {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream");
    }

    @Test
    void postsTheRequestAndDeliversEachEvent() throws Exception {
        server.enqueue(sse().body("event: response.created\ndata: {\"a\":1}\n\n"
                + "event: response.output_text.delta\ndata: {\"delta\":\"Hal\"}\n\n"
                + "event: response.completed\ndata: {}\n\n").build());

        http().postStream("/responses", Map.of("stream", true), Map.of("X-Extra", "1"), events::add);

        assertThat(events).containsExactly(
                new ServerSentEvent("response.created", "{\"a\":1}", null),
                new ServerSentEvent("response.output_text.delta", "{\"delta\":\"Hal\"}", null),
                new ServerSentEvent("response.completed", "{}", null));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/responses");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("text/event-stream");
        assertThat(request.getHeaders().get("X-Extra")).isEqualTo("1");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer sk-k");
        assertThat(request.getBody().utf8()).isEqualTo("{\"stream\":true}");
    }

    @Test
    void eventsSplitAcrossChunksAreReassembled() {
        String body = "event: one\r\ndata: {\"text\":\"Grüße\"}\r\n\r\nevent: two\rdata: x\r\r";
        server.enqueue(sse().chunkedBody(body, 3).build());

        http().postStream("/responses", Map.of(), Map.of(), events::add);

        assertThat(events).containsExactly(new ServerSentEvent("one", "{\"text\":\"Grüße\"}", null),
                new ServerSentEvent("two", "x", null));
    }

    @Test
    void followsTheEventStreamFieldRules() {
        server.enqueue(sse().body(": keep-alive comment\n"
                + "data: line one\ndata:line two\ndata\n\n"
                + "event: named\nid: 7\nretry: 1000\nunknown: x\ndata:  two spaces\n\n"
                + "event: no-data\n\n"
                + "data: after id\n\n"
                + "data: unterminated at the end").build());

        http().postStream("/s", Map.of(), Map.of(), events::add);

        assertThat(events).containsExactly(
                new ServerSentEvent("message", "line one\nline two\n", null),
                new ServerSentEvent("named", " two spaces", "7"),
                new ServerSentEvent("message", "after id", "7"));
    }

    @Test
    void deliversEventsAsTheyArriveBeforeTheStreamEnds() throws Exception {
        String first = "data: first\n\n";
        server.enqueue(sse().body(first + "data: second\n\n")
                .throttleBody(first.length(), 4, TimeUnit.SECONDS).build());
        BlockingQueue<ServerSentEvent> queue = new LinkedBlockingQueue<>();

        CompletableFuture<Void> done = http().postStreamAsync("/s", Map.of(), Map.of(), queue::add);

        assertThat(queue.poll(10, TimeUnit.SECONDS)).isEqualTo(new ServerSentEvent("message", "first", null));
        assertThat(done).isNotDone();
        done.get(10, TimeUnit.SECONDS);
        assertThat(queue.poll()).isEqualTo(new ServerSentEvent("message", "second", null));
    }

    @Test
    void errorStatusBeforeTheStreamIsATypedException() {
        server.enqueue(new MockResponse.Builder().code(401).addHeader("x-request-id", "req_s")
                .body("{\"error\":{\"message\":\"bad key\",\"type\":\"invalid_request_error\"}}").build());

        assertThatThrownBy(() -> http().postStream("/responses", Map.of(), Map.of(), events::add))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.errorMessage()).isEqualTo("bad key");
                    assertThat(e.requestId()).isEqualTo("req_s");
                });
        assertThat(events).isEmpty();
    }

    @Test
    void retriesBeforeTheFirstByte() {
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "1").build());
        server.enqueue(sse().body("data: ok\n\n").build());

        http().postStream("/s", Map.of(), Map.of(), events::add);

        assertThat(events).containsExactly(new ServerSentEvent("message", "ok", null));
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(time.sleeper.sleeps).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void retriesAConnectionDroppedBeforeTheBody() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(sse().body("data: ok\n\n").build());

        http().postStream("/s", Map.of(), Map.of(), events::add);

        assertThat(events).extracting(ServerSentEvent::data).containsExactly("ok");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void neverRetriesOnceTheBodyHasStarted() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            body.append("data: event ").append(i).append("\n\n");
        }
        server.enqueue(sse().chunkedBody(body.toString(), 64)
                .onResponseBody(new SocketEffect.CloseSocket()).build());
        server.enqueue(sse().body("data: must not be fetched\n\n").build());

        assertThatThrownBy(() -> http().postStream("/s", Map.of(), Map.of(), events::add))
                .isInstanceOf(OpenAiConnectionException.class)
                .hasMessageContaining("stream broken");
        assertThat(events).isNotEmpty().hasSizeLessThan(200);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void slowResponseHeadersTimeOut() {
        server.enqueue(sse().headersDelay(5, TimeUnit.SECONDS).body("data: late\n\n").build());
        OpenAiHttp http = OpenAiHttp.create(OpenAiConfig.builder().apiKey("sk-k")
                .baseUrl(server.url("/v1").toString()).requestTimeout(Duration.ofMillis(300))
                .retryPolicy(time.policy().maxAttempts(1).build()).build());

        assertThatThrownBy(() -> http.postStream("/s", Map.of(), Map.of(), events::add))
                .isInstanceOf(OpenAiTimeoutException.class)
                .hasMessage("POST /v1/s timed out after PT0.3S");
        assertThat(events).isEmpty();
    }

    @Test
    void listenerFailureAbortsTheStreamWithThatException() {
        server.enqueue(sse().body("data: 1\n\ndata: 2\n\n").build());
        IllegalStateException boom = new IllegalStateException("listener failed");

        assertThatThrownBy(() -> http().postStream("/s", Map.of(), Map.of(), e -> {
            events.add(e);
            throw boom;
        })).isSameAs(boom);
        assertThat(events).hasSize(1);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void cancellingTheStreamAbortsTheRequest() {
        server.enqueue(sse().headersDelay(10, TimeUnit.SECONDS).body("data: late\n\n").build());
        RecordingHttpClient httpClient = new RecordingHttpClient();
        OpenAiHttp http = OpenAiHttp.create(OpenAiConfig.builder().apiKey("sk-k")
                .baseUrl(server.url("/v1").toString()).retryPolicy(time.policy().build()).build(), httpClient);

        CompletableFuture<Void> stream = http.postStreamAsync("/s", Map.of(), Map.of(), events::add);
        stream.cancel(true);

        assertThat(httpClient.sends).hasSize(1);
        assertThat(httpClient.aborted(0)).as("the HTTP request was aborted").isTrue();
        assertThat(events).isEmpty();
    }

    private OpenAiHttp http(Duration idleTimeout) {
        return OpenAiHttp.create(OpenAiConfig.builder().apiKey("sk-k").baseUrl(server.url("/v1").toString())
                .streamIdleTimeout(idleTimeout).retryPolicy(time.policy().build()).build());
    }

    @Test
    void silenceAfterTheFirstByteIsAFinalTimeout() {
        String first = "data: first\n\n";
        server.enqueue(sse().body(first + "data: second\n\n").throttleBody(first.length(), 10, TimeUnit.SECONDS)
                .build());
        server.enqueue(sse().body("data: must not be fetched\n\n").build());

        assertThatThrownBy(() -> http(Duration.ofMillis(300)).postStream("/s", Map.of(), Map.of(), events::add))
                .isInstanceOf(OpenAiTimeoutException.class)
                .hasMessage("POST /v1/s: stream sent nothing for PT0.3S");
        assertThat(events).extracting(ServerSentEvent::data).containsExactly("first");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void silenceBeforeTheFirstByteIsRetried() {
        server.enqueue(sse().bodyDelay(10, TimeUnit.SECONDS).body("data: late\n\n").build());
        server.enqueue(sse().body("data: ok\n\n").build());

        http(Duration.ofMillis(300)).postStream("/s", Map.of(), Map.of(), events::add);

        assertThat(events).extracting(ServerSentEvent::data).containsExactly("ok");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }
}
