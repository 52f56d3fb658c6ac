package com.landki.interview.bench.transport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
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
 * The outbound call of {@code POST /chatkit/session} with each candidate HTTP client, side by side in one run:
 * a JSON POST of the session request's size to a loopback Jetty server that answers a canned session at once
 * (the same server for all, so the differences are the clients'). Candidates: the JDK {@code HttpClient}
 * blocking ({@code send}), asynchronous on its default executor, asynchronous on a bounded executor of four
 * threads (what the SDK's own client now runs on), and Jetty's {@code HttpClient} 12.1 blocking and
 * asynchronous. Run with {@code -prof gc} for the bytes allocated per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HttpTransportBench {

    static final String BODY = "{\"user\":\"user-1\",\"workflow\":{\"id\":\"wf_1\"},\"expires_after\":{\"anchor\":"
            + "\"created_at\",\"seconds\":600},\"rate_limits\":{\"max_requests_per_1_minute\":10},"
            + "\"chatkit_configuration\":{\"file_upload\":{\"enabled\":false}}}";
    static final byte[] ANSWER = ("{\"id\":\"cksess_123\",\"object\":\"chatkit.session\",\"expires_at\":1764130200,"
            + "\"client_secret\":\"ek_secret_abc\",\"workflow\":{\"id\":\"wf_1\",\"version\":null,"
            + "\"state_variables\":null,\"tracing\":{\"enabled\":true}},\"user\":\"user-1\","
            + "\"rate_limits\":{\"max_requests_per_1_minute\":10},\"max_requests_per_1_minute\":10,"
            + "\"status\":\"active\",\"chatkit_configuration\":{\"automatic_thread_titling\":{\"enabled\":true},"
            + "\"file_upload\":{\"enabled\":false,\"max_file_size\":512,\"max_files\":10},"
            + "\"history\":{\"enabled\":true,\"recent_threads\":null}}}").getBytes(StandardCharsets.UTF_8);

    private Server server;
    private URI uri;
    private HttpClient jdkDefault;
    private HttpClient jdkBounded;
    private ExecutorService bounded;
    private HttpRequest jdkRequest;
    private org.eclipse.jetty.client.HttpClient jetty;

    @Setup(Level.Trial)
    public void start() throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(16, 4);
        pool.setName("bench-server");
        server = new Server(pool);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Content.Source.consumeAll(request, Callback.from(() -> {
                    response.setStatus(200);
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                    response.write(true, ByteBuffer.wrap(ANSWER), callback);
                }, callback::failed));
                return true;
            }
        });
        server.start();
        uri = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/v1/chatkit/sessions");
        jdkDefault = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        bounded = Executors.newFixedThreadPool(4);
        jdkBounded = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).executor(bounded).build();
        jdkRequest = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Authorization", "Bearer sk-bench").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
        jetty = new org.eclipse.jetty.client.HttpClient();
        jetty.start();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        jetty.stop();
        bounded.shutdownNow();
        server.stop();
    }

    @Benchmark
    public int jdkSync() throws Exception {
        return jdkDefault.send(jdkRequest, HttpResponse.BodyHandlers.ofByteArray()).body().length;
    }

    @Benchmark
    public int jdkAsyncDefaultExecutor() {
        return jdkDefault.sendAsync(jdkRequest, HttpResponse.BodyHandlers.ofByteArray()).join().body().length;
    }

    @Benchmark
    public int jdkAsyncBoundedExecutor() {
        return jdkBounded.sendAsync(jdkRequest, HttpResponse.BodyHandlers.ofByteArray()).join().body().length;
    }

    @Benchmark
    public int jettySync() throws Exception {
        ContentResponse response = jetty.newRequest(uri).method(HttpMethod.POST)
                .headers(h -> h.put(HttpHeader.AUTHORIZATION, "Bearer sk-bench"))
                .body(new StringRequestContent("application/json", BODY)).timeout(30, TimeUnit.SECONDS).send();
        return response.getContent().length;
    }

    @Benchmark
    public int jettyAsync() throws Exception {
        var done = new java.util.concurrent.CompletableFuture<Integer>();
        jetty.newRequest(uri).method(HttpMethod.POST)
                .headers(h -> h.put(HttpHeader.AUTHORIZATION, "Bearer sk-bench"))
                .body(new StringRequestContent("application/json", BODY)).timeout(30, TimeUnit.SECONDS)
                .send(new org.eclipse.jetty.client.BufferingResponseListener() {
                    @Override
                    public void onComplete(org.eclipse.jetty.client.Result result) {
                        if (result.isFailed()) {
                            done.completeExceptionally(result.getFailure());
                        } else {
                            done.complete(getContent().length);
                        }
                    }
                });
        return done.join();
    }
}
