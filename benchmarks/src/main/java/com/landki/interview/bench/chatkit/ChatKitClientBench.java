package com.landki.interview.bench.chatkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.landki.interview.chatkit.ChatKitClient;
import com.landki.interview.chatkit.ChatKitSession;
import com.landki.interview.chatkit.CreateSessionRequest;
import com.landki.interview.http.HttpTransport;
import com.landki.interview.openai.RetryPolicy;
import com.landki.interview.openai.internal.Json;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the ChatKit client adds to a session call: the full {@code createSession} against a loopback server with a
 * canned answer, the same exchange with the bare JDK {@link HttpClient} (baseline), and the JSON work alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ChatKitClientBench {

    static final byte[] ANSWER = ("{\"id\":\"cksess_123\",\"object\":\"chatkit.session\",\"expires_at\":1764130200,"
            + "\"client_secret\":\"ek_secret_abc\",\"workflow\":{\"id\":\"wf_1\",\"version\":null,"
            + "\"state_variables\":null,\"tracing\":{\"enabled\":true}},\"user\":\"user-1\","
            + "\"rate_limits\":{\"max_requests_per_1_minute\":10},\"max_requests_per_1_minute\":10,"
            + "\"status\":\"active\",\"chatkit_configuration\":{\"automatic_thread_titling\":{\"enabled\":true},"
            + "\"file_upload\":{\"enabled\":false,\"max_file_size\":512,\"max_files\":10},"
            + "\"history\":{\"enabled\":true,\"recent_threads\":null}}}").getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private ExecutorService serverThreads;
    private HttpTransport transport;
    private ChatKitClient client;
    private HttpClient bare;
    private HttpRequest bareRequest;
    private CreateSessionRequest request;

    @Setup(Level.Trial)
    public void start() throws IOException {
        // without it the JDK's little server waits for delayed ACKs (Nagle) and every call takes ~40 ms
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        serverThreads = Executors.newFixedThreadPool(4);
        server.setExecutor(serverThreads);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ANSWER.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ANSWER);
            }
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        // the JDK transport by name: interview-http-jetty is on this module's class path and would be discovered
        transport = HttpTransport.jdk(Duration.ofSeconds(10));
        client = ChatKitClient.builder().apiKey("sk-bench").baseUrl(base).defaultWorkflowId("wf_1")
                .retryPolicy(RetryPolicy.ofDefaults()).transport(transport).build();
        bare = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        bareRequest = HttpRequest.newBuilder(URI.create(base + "/chatkit/sessions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"user-1\",\"workflow\":{\"id\":\"wf_1\"}}"))
                .build();
        request = CreateSessionRequest.builder("user-1").expiresAfter(Duration.ofMinutes(10))
                .maxRequestsPerMinute(10).fileUpload(false, null, null).build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        client.close();
        transport.close();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    /** The SDK call: request building, headers, retry wrapper, JSON both ways, loopback HTTP. */
    @Benchmark
    public ChatKitSession createSession() {
        return client.createSession(request);
    }

    /** Baseline: the same loopback exchange with the bare JDK client, no JSON work. */
    @Benchmark
    public int bareHttpRoundTrip() throws IOException, InterruptedException {
        return bare.send(bareRequest, HttpResponse.BodyHandlers.ofByteArray()).body().length;
    }

    /** Baseline for the asynchronous path the SDK takes: bare {@code sendAsync} and a blocking wait. */
    @Benchmark
    public int bareHttpAsyncRoundTrip() {
        return bare.sendAsync(bareRequest, HttpResponse.BodyHandlers.ofByteArray()).join().body().length;
    }

    /** The JSON work alone: write the request body, read the session answer. */
    @Benchmark
    public ChatKitSession jsonOnly() throws IOException {
        byte[] body = Json.MAPPER.writeValueAsBytes(request);
        JsonNode tree = Json.MAPPER.readTree(ANSWER);
        return body.length > 0 ? Json.MAPPER.treeToValue(tree, ChatKitSession.class) : null;
    }
}
