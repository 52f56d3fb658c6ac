package com.landki.interview.http.jetty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.landki.interview.http.BodyReceiver;
import com.landki.interview.http.HttpTransport;
import com.landki.interview.http.TransportRequest;
import com.landki.interview.http.TransportResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link HttpTransport} does, run against each implementation ({@link JdkHttpTransportTest},
 * {@link JettyHttpTransportTest}) with mockwebserver3 as the upstream.
 */
@Timeout(30)
abstract class HttpTransportContract {

    @StartStop
    final MockWebServer server = new MockWebServer();

    HttpTransport transport;

    /** A new transport with a connect timeout of five seconds; the test closes it. */
    abstract HttpTransport create();

    @BeforeEach
    void open() {
        transport = create();
    }

    @AfterEach
    void close() {
        transport.close();
    }

    private URI uri(String path) {
        return server.url(path).uri();
    }

    private static MockResponse.Builder sse() {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream");
    }

    @Test
    void postsJsonAndReturnsStatusHeadersAndBody() throws Exception {
        server.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
                .addHeader("X-Request-Id", "req_1").body("{\"id\":\"Grüße\"}").build());

        TransportResponse response = transport.send(TransportRequest.builder("POST", uri("/v1/chatkit/sessions"))
                .header("Authorization", "Bearer sk-1").header("Content-Type", "application/json")
                .header("authorization", "Bearer sk-2") // the later value of the same name wins
                .body("{\"user\":\"u\"}".getBytes(StandardCharsets.UTF_8)).build()).get(10, TimeUnit.SECONDS);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("x-request-id")).contains("req_1");
        assertThat(response.header("X-REQUEST-ID")).contains("req_1");
        assertThat(response.body()).isEqualTo("{\"id\":\"Grüße\"}");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chatkit/sessions");
        assertThat(request.getHeaders().values("Authorization")).containsExactly("Bearer sk-2");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(request.getBody().utf8()).isEqualTo("{\"user\":\"u\"}");
    }

    @Test
    void sendsNoBodyForAGetAndNoHeaderOfItsOwnChoosing() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());

        transport.send(TransportRequest.builder("GET", uri("/v1/chatkit/threads?limit=2"))
                .header("User-Agent", "interview-chatkit/test").build()).get(10, TimeUnit.SECONDS);

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedQuery()).isEqualTo("limit=2");
        assertThat(request.getHeaders().values("User-Agent")).containsExactly("interview-chatkit/test");
        assertThat(request.getHeaders().get("Accept-Encoding")).isNull(); // bodies arrive as sent
        assertThat(request.getBodySize()).isZero();
    }

    @Test
    void anErrorStatusCompletesNormallyWithItsBodyAndHeaders() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2")
                .body("{\"error\":{\"message\":\"slow down\"}}").build());

        TransportResponse response = transport.send(TransportRequest.builder("POST", uri("/v1/x"))
                .body(new byte[] {'{', '}'}).build()).get(10, TimeUnit.SECONDS);

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.successful()).isFalse();
        assertThat(response.header("retry-after")).contains("2");
        assertThat(response.body()).contains("slow down");
    }

    @Test
    void a401Or407WithoutAChallengeIsAnErrorStatusLikeAnyOther() throws Exception {
        // OpenAI answers a wrong key with 401 and no WWW-Authenticate: the caller maps it to its typed error
        String wrongKey = "{\"error\":{\"message\":\"Incorrect API key provided\"}}";
        server.enqueue(new MockResponse.Builder().code(401).body(wrongKey).build());
        server.enqueue(new MockResponse.Builder().code(401).body(wrongKey).build());
        server.enqueue(new MockResponse.Builder().code(407).body("proxy says no").build());
        TransportRequest request = TransportRequest.builder("POST", uri("/v1/x")).body(new byte[] {'{', '}'}).build();

        TransportResponse sent = transport.send(request).get(10, TimeUnit.SECONDS);
        TransportResponse streamed = transport.stream(request, new Recorder()).get(10, TimeUnit.SECONDS);
        TransportResponse proxy = transport.send(request).get(10, TimeUnit.SECONDS);

        assertThat(sent.status()).isEqualTo(401);
        assertThat(sent.body()).isEqualTo(wrongKey);
        assertThat(streamed.status()).isEqualTo(401);
        assertThat(streamed.body()).isEqualTo(wrongKey);
        assertThat(proxy.status()).isEqualTo(407);
        assertThat(proxy.body()).isEqualTo("proxy says no");
    }

    @Test
    void streamsASuccessfulBodyChunkByChunkAfterTheHead() throws Exception {
        String body = "event: one\ndata: {\"delta\":\"Hal\"}\n\n".repeat(50);
        server.enqueue(sse().addHeader("X-Request-Id", "req_s").chunkedBody(body, 64).build());
        Recorder recorder = new Recorder();

        TransportResponse response = transport.stream(TransportRequest.builder("POST", uri("/v1/responses"))
                .header("Accept", "text/event-stream").body("{}".getBytes(StandardCharsets.UTF_8)).build(), recorder)
                .get(10, TimeUnit.SECONDS);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(recorder.head.header("x-request-id")).contains("req_s");
        assertThat(recorder.text()).isEqualTo(body);
        assertThat(recorder.events).first().isEqualTo("open");
        assertThat(recorder.events).hasSizeGreaterThan(2); // the head, then the body in more than one chunk
    }

    @Test
    void aStreamReadsTheNextChunkOnlyWhenTheReceiverIsReady() throws Exception {
        String first = "data: first\n\n";
        server.enqueue(sse().body(first + "data: second\n\n").throttleBody(first.length(), 200, TimeUnit.MILLISECONDS)
                .build());
        CompletableFuture<Void> gate = new CompletableFuture<>();
        Recorder recorder = new Recorder() {
            @Override
            public CompletionStage<?> onChunk(ByteBuffer chunk) {
                super.onChunk(chunk);
                return gate;
            }
        };

        CompletableFuture<TransportResponse> done = transport.stream(
                TransportRequest.builder("POST", uri("/v1/responses")).build(), recorder);

        await().atMost(Duration.ofSeconds(5)).until(() -> recorder.text().startsWith("data: first"));
        // the rest was sent 200 ms later; while the receiver is not ready it stays in the socket
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2))
                .until(() -> !done.isDone() && !recorder.text().contains("second"));
        gate.complete(null);
        done.get(10, TimeUnit.SECONDS);
        assertThat(recorder.text()).isEqualTo(first + "data: second\n\n");
    }

    @Test
    void aStreamedErrorStatusIsBufferedAndNotGivenToTheReceiver() throws Exception {
        server.enqueue(new MockResponse.Builder().code(500).body("upstream broke").build());
        Recorder recorder = new Recorder();

        TransportResponse response = transport.stream(TransportRequest.builder("POST", uri("/v1/responses"))
                .build(), recorder).get(10, TimeUnit.SECONDS);

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("upstream broke");
        assertThat(recorder.events).isEmpty();
    }

    @Test
    void aStreamMayLastLongerThanTheTimeoutForItsHead() throws Exception {
        String first = "data: first\n\n";
        server.enqueue(sse().body(first + "data: second\n\n").throttleBody(first.length(), 700, TimeUnit.MILLISECONDS)
                .build());
        Recorder recorder = new Recorder();

        transport.stream(TransportRequest.builder("POST", uri("/v1/responses")).timeout(Duration.ofMillis(300))
                .build(), recorder).get(10, TimeUnit.SECONDS);

        assertThat(recorder.text()).isEqualTo(first + "data: second\n\n");
    }

    @Test
    void aHeadThatIsLateFailsWithATimeout() {
        server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body("{}").build());
        server.enqueue(sse().headersDelay(5, TimeUnit.SECONDS).body("data: late\n\n").build());
        TransportRequest request = TransportRequest.builder("POST", uri("/v1/x")).timeout(Duration.ofMillis(300))
                .build();

        long started = System.nanoTime();
        assertTimeout(transport.send(request));
        assertTimeout(transport.stream(request, new Recorder()));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    private static void assertTimeout(CompletableFuture<TransportResponse> call) {
        assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(e.getCause()).isInstanceOfAny(TimeoutException.class,
                        HttpTimeoutException.class));
    }

    @Test
    void aRefusedConnectionFailsWithAnIoException() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI nobody = URI.create("http://127.0.0.1:" + port + "/v1/x");

        assertThatThrownBy(() -> transport.send(TransportRequest.builder("GET", nobody).build())
                .get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(e.getCause()).isInstanceOf(IOException.class));
        assertThatThrownBy(() -> transport.stream(TransportRequest.builder("POST", nobody).build(), new Recorder())
                .get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(e.getCause()).isInstanceOf(IOException.class));
    }

    @Test
    void aReceiverThatThrowsAbortsTheStreamWithItsException() {
        server.enqueue(sse().body("data: one\n\n".repeat(100)).build());
        IllegalStateException boom = new IllegalStateException("listener broke");
        BodyReceiver failing = chunk -> {
            throw boom;
        };

        assertThatThrownBy(() -> transport.stream(TransportRequest.builder("POST", uri("/v1/responses")).build(),
                failing).get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(rootOf(e)).isSameAs(boom));
    }

    @Test
    void aClosedTransportRefusesNewExchanges() {
        transport.close();

        assertThatThrownBy(() -> transport.send(TransportRequest.builder("GET", uri("/v1/x")).build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        transport.close(); // idempotent
    }

    private static Throwable rootOf(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Notes the head and copies every chunk; ready at once. */
    static class Recorder implements BodyReceiver {
        final List<String> events = new CopyOnWriteArrayList<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        volatile TransportResponse head;

        @Override
        public void onOpen(TransportResponse head) {
            this.head = head;
            events.add("open");
        }

        @Override
        public CompletionStage<?> onChunk(ByteBuffer chunk) {
            byte[] copy = new byte[chunk.remaining()];
            chunk.get(copy);
            synchronized (bytes) {
                bytes.writeBytes(copy);
            }
            events.add("chunk");
            return CompletableFuture.completedFuture(null);
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
